@testable import FolioCharts
import FolioDisplay
import FolioModel
import XCTest

/// Whole charts: the sample's two org diagrams, fitting the frame, and splitting across parts.
final class OrgChartTests: XCTestCase {
    let theme = ChartTheme()
    let measurer = FixedAdvanceMeasurer()

    /// The sample data file, found from this source file's location.
    func sampleOrgs() throws -> [String: YAMLSpec] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Assets/briefings/llama-org.yaml"), encoding: .utf8)
        return try OrgFixtures.orgs(text)
    }

    func draw(_ fence: String, orgs: [String: YAMLSpec], frame: ChartFrame) throws -> ChartDrawing {
        var data = DataSet()
        data.orgs = orgs
        return try OrgChart.layout(OrgFixtures.fence(fence), data: data, frame: frame, theme: theme, measurer: measurer)
    }

    /// Every text line in the items, groups included.
    func texts(_ items: [DisplayItem]) -> [String] {
        items.flatMap { item -> [String] in
            switch item {
            case .text(let text): return [text.line.text]
            case .group(let group): return texts(group.items)
            default: return []
            }
        }
    }

    func items<T>(_ items: [DisplayItem], _ pick: (DisplayItem) -> T?) -> [T] {
        items.flatMap { item -> [T] in
            if case .group(let group) = item { return self.items(group.items, pick) }
            return pick(item).map { [$0] } ?? []
        }
    }

    func testSampleBeforeAndAfter() throws {
        let orgs = try sampleOrgs()
        let frame = ChartFrame(width: 482, maximumHeight: 680)
        let before = try draw("use: meta-ai-2023\ncaption: Before", orgs: orgs, frame: frame)
        XCTAssertEqual(before.caption, "Before")
        XCTAssertTrue(before.continuations.isEmpty)
        let beforeText = texts(before.drawing.items)
        for name in ["Mark Zuckerberg", "FAIR", "Tian Yuandong", "GenAI", "Yann LeCun & Joelle Pineau", "core ideas"] {
            XCTAssertTrue(beforeText.contains(name), "\(name) missing from \(beforeText)")
        }
        let after = try draw("use: meta-ai-2025\ncompare: meta-ai-2023", orgs: orgs, frame: frame)
        let afterText = texts(after.drawing.items)
        for name in ["Mark Zuckerberg", "TBD Lab", "Alex Wang", "FAIR", "GenAI", "Tian Yuandong", "REMOVED", "ADDED",
                     "was under Mark Zuckerberg", "MOVED", "core ideas",
                     "Added since the earlier chart", "October 2025 · changes since Meta AI in 2023 (2023)"] {
            XCTAssertTrue(afterText.contains(name), "\(name) missing from \(afterText)")
        }
        for drawing in [before.drawing, after.drawing] {
            XCTAssertLessThanOrEqual(drawing.size.width, frame.width)
            XCTAssertLessThanOrEqual(drawing.size.height, frame.maximumHeight)
        }
    }

    func testInlineSpecWithRootAndDepth() throws {
        let fence = """
        root: b
        depth: 1
        nodes:
          - { id: a, name: A }
          - { id: b, name: B, parent: a }
          - { id: c, name: C, parent: b }
          - { id: d, name: D, parent: c }
          - { id: e, name: E, parent: c }
        """
        let chart = try draw(fence, orgs: [:], frame: ChartFrame(width: 400, maximumHeight: 400))
        let text = texts(chart.drawing.items)
        XCTAssertEqual(text.filter { $0.count == 1 }, ["B", "C"])
        XCTAssertTrue(text.contains("+2 more"))
    }

    func testLargeOrgIsSplitWithMatchingMarks() throws {
        var rng = OrgSeededRandom(seed: 7)
        let org = OrgFixtures.randomOrg(count: 1500, rng: &rng, leafy: false)
        let request = OrgRequest(org: org, baseline: nil, caption: nil, root: nil, depth: nil, options: OrgOptions())
        let frame = ChartFrame(width: 482, maximumHeight: 600)
        let chart = OrgChart.render(request, chartID: "big", frame: frame, theme: theme, measurer: measurer)
        XCTAssertFalse(chart.continuations.isEmpty, "a 1,500-node org does not fit one page at 6 pt")
        let drawings = [chart.drawing] + chart.continuations
        var anchors: [String] = []
        var targets: [String] = []
        var names = 0
        for (index, drawing) in drawings.enumerated() {
            XCTAssertLessThanOrEqual(drawing.size.width, frame.width + 0.001)
            XCTAssertLessThanOrEqual(drawing.size.height, frame.maximumHeight + 0.001)
            let scale = items(drawing.items) { item -> Double? in if case .group(let g) = item { return g.scale } else { return nil } }.min() ?? 1
            XCTAssertGreaterThanOrEqual(scale * theme.textSize, 6 - 0.001, "part \(index + 1) is scaled below 6 pt")
            anchors += items(drawing.items) { item -> String? in if case .anchor(let a) = item { return a.name } else { return nil } }
            targets += items(drawing.items) { item -> String? in
                if case .link(let link) = item, case .anchor(let name) = link.target { return name } else { return nil }
            }
            XCTAssertTrue(texts(drawing.items).contains { $0.hasPrefix(index == 0 ? "Random" : "Random: part \(index + 1), continued from part") })
            names += texts(drawing.items).filter { $0.hasPrefix("continued in part") }.count
        }
        XCTAssertEqual(anchors, (1...drawings.count).map { "org-big-part-\($0)" }, "one anchor per part, in order")
        XCTAssertEqual(Set(targets), Set(anchors), "every part is linked to, and every link has its anchor")
        XCTAssertEqual(names, drawings.count - 1, "one 'continued in' mark per continuation")
    }
}
