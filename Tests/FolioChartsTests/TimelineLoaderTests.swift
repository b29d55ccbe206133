// Bad timeline input: each error names the file, line and column of the offending value.
import FolioDisplay
@testable import FolioCharts
@testable import FolioModel
import XCTest

final class TimelineLoaderTests: XCTestCase {
    static let data = """
    timelines:
      llama-releases:
        title: "Llama"
        lanes: [Meta, Industry]
        categories:
          release: { label: "Model release", color: "#1f6feb" }
        events:
          - { date: 2023-02, label: "Llama 1", lane: Meta, category: release }
          - { from: 2024-04-18, to: 2024-09-25, label: "Llama 3 family", lane: Meta }
          - { date: 2024-09, label: "OpenAI o1", lane: Industry }
    """

    func check(_ body: String, data: String = TimelineLoaderTests.data, at expected: String, _ message: String,
               hint: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        guard let diagnostic = TimelineFixtures.diagnostic(body, data: data, file: file, line: line) else { return }
        XCTAssertEqual(diagnostic.location.description, expected, diagnostic.description, file: file, line: line)
        XCTAssertTrue(diagnostic.message.contains(message), diagnostic.description, file: file, line: line)
        if let hint { XCTAssertTrue(diagnostic.hints.contains { $0.contains(hint) }, diagnostic.description, file: file, line: line) }
    }

    func testInvalidDate() {
        check("events:\n  - { date: 2024-13-45, label: X }", at: "brief.md:11:13", "invalid date '2024-13-45'")
    }

    func testDatesOutsideYearsOneToNineThousand() {
        check("events:\n  - { date: 0000-05, label: X }", at: "brief.md:11:13", "outside the years 1–9999")
        check("events:\n  - { date: 10000, label: X }", at: "brief.md:11:13", "outside the years 1–9999")
        check("use: llama-releases\nfrom: 12345-01", at: "brief.md:11:7", "outside the years 1–9999")
    }

    func testSpanEndingBeforeItStarts() {
        check("events:\n  - { from: 2024-09, to: 2024-04, label: X }", at: "brief.md:11:26", "is before its 'from'")
        check("use: llama-releases\nfrom: 2025\nto: 2022", at: "brief.md:12:5", "is before its 'from'")
    }

    func testUnknownLaneAndCategory() {
        let data = TimelineLoaderTests.data.replacingOccurrences(of: "lane: Industry }", with: "lane: Industsry }")
        check("use: llama-releases", data: data, at: "data.yaml:10:52", "unknown lane 'Industsry'", hint: "did you mean 'Industry'")
        let badCategory = TimelineLoaderTests.data.replacingOccurrences(of: "category: release }", with: "category: relase }")
        check("use: llama-releases", data: badCategory, at: "data.yaml:8:66", "unknown category 'relase'", hint: "did you mean 'release'")
        check("use: llama-releases\nlanes: [Meta, Industy]", at: "brief.md:11:15", "unknown lane 'Industy'", hint: "did you mean 'Industry'")
    }

    func testUseNamingNoTimeline() {
        check("use: llama-release", at: "brief.md:10:6", "no timeline 'llama-release'", hint: "did you mean 'llama-releases'")
    }

    func testEventWithNeitherDateNorSpan() {
        check("events:\n  - { label: X, lane: Meta }", at: "brief.md:11:5", "needs 'date'")
        check("events:\n  - { from: 2024, label: X }", at: "brief.md:11:13", "needs 'to'")
        check("events:\n  - { date: 2024, from: 2023, to: 2025, label: X }", at: "brief.md:11:13", "not both")
    }

    func testUnknownKeysAndMissingLabel() {
        check("use: llama-releases\nevents: []", at: "brief.md:11:1", "unknown key 'events'")
        check("events:\n  - { date: 2024, lable: X }", at: "brief.md:11:19", "unknown key 'lable'", hint: "did you mean 'label'")
        check("events:\n  - { date: 2024 }", at: "brief.md:11:5", "missing required key 'label'")
        check("title: X", at: "brief.md:10:1", "has no events")
    }

    func testOverridesApply() throws {
        let data = try TimelineFixtures.data(TimelineLoaderTests.data)
        let fence = TimelineFixtures.fence("use: llama-releases\nfrom: 2024\nlanes: [Industry]\ntitle: Later\ncaption: C\nheight: 50mm")
        let timeline = try TimelineLoader.load(fence, data: data)
        XCTAssertEqual(timeline.title, "Later")
        XCTAssertEqual(timeline.caption, "C")
        XCTAssertEqual(timeline.lanes, ["Industry"])
        XCTAssertEqual(timeline.events.map(\.label), ["OpenAI o1"])
        XCTAssertEqual(timeline.height ?? 0, 50 * 72 / 25.4, accuracy: 0.01)
        XCTAssertEqual(timeline.from?.description, "2024")
    }

    func testInlineSpecWithoutLanes() throws {
        let fence = TimelineFixtures.fence("""
        title: Inline
        events:
          - { date: 2020, label: A }
          - { date: 2021-03, label: B, lane: Second, category: x }
        """)
        let timeline = try TimelineLoader.load(fence, data: DataSet())
        XCTAssertEqual(timeline.lanes, ["", "Second"])
        XCTAssertEqual(timeline.events.map(\.lane), [0, 1])
        XCTAssertEqual(timeline.categories.map(\.id), ["x"])
    }
}

final class TimelineDateParsingTests: XCTestCase {
    /// The byte-level date reader agrees with `ISODate(parsing:)` on good and bad dates alike.
    func testFastDatesAgreeWithISODate() {
        let samples = ["2013", "2023-02", "2024-04-18", "2024-02-29", "2023-02-29", "2024-13-01", "2024-00", "0000",
                       "9999-12-31", "10000", "202-01", "2024-1-05", "2024-01-5", "2024--01", "2024-01-01-01", "", "-2024",
                       "2024-04-31", "0001-01-01", "12345", "２０２４"]
        for text in samples {
            let fast = TimelineLoader.fastDate(text)
            if let fast { XCTAssertEqual(fast, ISODate(parsing: text), text) }
            if ISODate(parsing: text) == nil { XCTAssertNil(fast, text) }
        }
    }
}
