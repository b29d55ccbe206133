// Timeline layout on the sample and on hand-made cases: labels present, no overlaps, sizing and "+N more".
import FolioDisplay
@testable import FolioCharts
@testable import FolioModel
import XCTest

final class TimelineLayoutTests: XCTestCase {
    func sampleData() throws -> DataSet {
        let path = TimelineFixtures.repositoryRoot.appendingPathComponent("Assets/briefings/llama-timeline.yaml").path
        var data = DataSet()
        try DataSetLoader.load(paths: [(path, SourceLocation(file: "test", line: 1, column: 1))], into: &data)
        return data
    }

    func scene(_ body: String, data: DataSet, frame: ChartFrame = ChartFrame(width: 482, maximumHeight: 640),
               measurer: TextMeasuring = FixedAdvanceMeasurer(advance: 0.52)) throws -> TimelineScene {
        let timeline = try TimelineLoader.load(TimelineFixtures.fence(body), data: data)
        return TimelineLayout(timeline: timeline, frame: frame, theme: ChartTheme(), measurer: measurer).layout()
    }

    func testSampleShowsEveryEventWithoutOverlap() throws {
        let data = try sampleData()
        let scene = try scene("use: llama-journey", data: data)
        XCTAssertEqual(SceneChecks.problems(scene), [])
        XCTAssertEqual(scene.hiddenCount, 0)
        let texts = scene.labels.map(\.item.line.text)
        for label in ["Llama 1", "Llama 3 family", "OpenAI o1 reasoning models", "DeepSeek open MoE model", "600 AI roles cut", "FAIR founded; LeCun joins"] {
            XCTAssertTrue(texts.contains { $0.hasSuffix(label) }, "missing \(label) in \(texts)")
        }
        XCTAssertTrue(texts.contains("Feb 2023 Llama 1"))
        XCTAssertTrue(texts.contains("18 Apr – 25 Sep 2024 Llama 3 family"))
        XCTAssertTrue(texts.contains("7B, 13B, 33B, 65B; weights leak"))
        XCTAssertEqual(texts.first, "Llama and the open-weight race, 2013–2025")
        XCTAssertTrue(texts.contains("Meta") && texts.contains("Industry") && texts.contains("Llama release"))
        XCTAssertLessThanOrEqual(scene.size.height, 640)
        XCTAssertEqual(scene.size.width, 482)
    }

    func testSampleThroughTheChartInterface() throws {
        let chart = ChartBlock(kind: .timeline, id: "llama-journey", body: "use: llama-journey\ncaption: Releases",
                               bodyLocation: SourceLocation(file: "brief.md", line: 3, column: 1))
        let drawing = try ChartLayout.layout(chart, data: try sampleData(), frame: ChartFrame(width: 400, preferredHeight: 300, maximumHeight: 500),
                                             theme: ChartTheme(), measurer: FixedAdvanceMeasurer())
        XCTAssertEqual(drawing.caption, "Releases")
        XCTAssertEqual(drawing.drawing.size.width, 400)
        XCTAssertGreaterThanOrEqual(drawing.drawing.size.height, 300)
        XCTAssertLessThanOrEqual(drawing.drawing.size.height, 500)
    }

    func testFenceHeightIsKeptAndHiddenLabelsAreCounted() throws {
        var events = ""
        for day in 1...28 { events += "  - { date: 2024-02-\(day < 10 ? "0" : "")\(day), label: \"Event number \(day)\"\(day == 20 ? ", emphasis: true" : "") }\n" }
        let scene = try scene("height: 120pt\nevents:\n" + events, data: DataSet())
        XCTAssertEqual(scene.size.height, 120)
        XCTAssertGreaterThan(scene.hiddenCount, 0)
        XCTAssertEqual(SceneChecks.problems(scene), [])
        let texts = scene.labels.map(\.item.line.text)
        XCTAssertTrue(texts.contains("+\(scene.hiddenCount) more"), "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasSuffix("Event number 20") }, "the emphasised event is kept first")
    }

    func testPreferredHeightStretchesAndMaximumCaps() throws {
        let data = try sampleData()
        let tall = try scene("use: llama-journey", data: data, frame: ChartFrame(width: 482, preferredHeight: 400, maximumHeight: 640))
        XCTAssertEqual(tall.size.height, 400)
        XCTAssertEqual(SceneChecks.problems(tall), [])
        let short = try scene("use: llama-journey", data: data, frame: ChartFrame(width: 300, maximumHeight: 110))
        XCTAssertLessThanOrEqual(short.size.height, 110)
        XCTAssertGreaterThan(short.hiddenCount, 0)
        XCTAssertEqual(SceneChecks.problems(short), [])
    }

    func testLongLabelsAreShortenedNotClipped() throws {
        let long = String(repeating: "very long label ", count: 20)
        let scene = try scene("events:\n  - { date: 2020, label: \"\(long)\" }\n  - { from: 2019, to: 2021, label: \"\(long)\" }",
                              data: DataSet(), frame: ChartFrame(width: 200, maximumHeight: 300))
        XCTAssertEqual(SceneChecks.problems(scene), [])
        XCTAssertTrue(scene.labels.contains { $0.item.line.text.hasSuffix("…") })
    }

    func testLayoutIsDeterministic() throws {
        let data = try sampleData()
        let a = try scene("use: llama-journey", data: data).drawing
        let b = try scene("use: llama-journey", data: data).drawing
        XCTAssertEqual(DisplayDump.dump(a.items), DisplayDump.dump(b.items))
    }
}

final class TimelineEdgeCaseTests: XCTestCase {
    func layout(_ body: String, data: String = "timelines: {}", width: Double = 400) throws -> TimelineScene {
        let timeline = try TimelineLoader.load(TimelineFixtures.fence(body), data: try TimelineFixtures.data(data))
        return TimelineLayout(timeline: timeline, frame: ChartFrame(width: width, maximumHeight: 500), theme: ChartTheme(),
                              measurer: FixedAdvanceMeasurer()).layout()
    }

    func testFromOverrideLeavingNoEvents() throws {
        let data = "timelines:\n  t:\n    events:\n      - { date: 2013, label: A }\n"
        let scene = try layout("use: t\nfrom: 2020", data: data)
        XCTAssertEqual(SceneChecks.problems(scene), [])
        XCTAssertFalse(scene.labels.isEmpty)
    }

    func testEmptyAxisWithBoundsAndDeclaredLanes() throws {
        let scene = try layout("lanes: [A, B]\nfrom: 2020-01-01\nto: 2020-01-03")
        XCTAssertEqual(SceneChecks.problems(scene), [])
        XCTAssertEqual(scene.interval?.unit, .day)
    }

    func testExtremeYearsAndTinyWidth() throws {
        let scene = try layout("events:\n  - { date: 0001-01-01, label: First }\n  - { date: 9999-12-31, label: Last }", width: 40)
        XCTAssertEqual(SceneChecks.problems(scene), [])
    }

    func testSameDayPileUp() throws {
        var events = ""
        for index in 0..<300 { events += "  - { date: 2024-04-18, label: \"Same day \(index)\" }\n" }
        let scene = try layout("events:\n" + events)
        XCTAssertEqual(SceneChecks.problems(scene), [])
        XCTAssertGreaterThan(scene.hiddenCount, 0)
        XCTAssertEqual(Set(scene.labels.compactMap(\.owner)).count + scene.hiddenCount, 300)
    }
}
