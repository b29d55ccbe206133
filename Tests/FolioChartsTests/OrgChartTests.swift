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
        var names = 0, headers = 0
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
            headers += texts(drawing.items).filter { $0.hasPrefix("continued from part") }.count
        }
        XCTAssertEqual(anchors, (1...drawings.count).map { "org-big-part-\($0)" }, "one anchor per part, in order")
        XCTAssertEqual(Set(targets), Set(anchors), "every part is linked to, and every link has its anchor")
        // A continued team split into runs repeats its header card in each run; its mark names the first.
        XCTAssertGreaterThan(names, 0)
        XCTAssertLessThanOrEqual(names, headers, "every 'continued in' mark has its header card")
        XCTAssertGreaterThanOrEqual(headers, drawings.count - 1, "every continuation holds at least one subtree")
    }

    /// A document's first pass sizes a split chart's parts; its second relabels the plan kept from the
    /// first: the same parts at the same sizes, drawn as planning afresh draws them, marks naming pages.
    func testKeptPlanIsRelabelledWithPages() throws {
        var rng = OrgSeededRandom(seed: 11)
        let org = OrgFixtures.randomOrg(count: 1200, rng: &rng, leafy: false)
        let request = OrgRequest(org: org, baseline: nil, caption: nil, root: nil, depth: nil, options: OrgOptions())
        let plans = ChartPlans()
        let first = OrgChart.render(request, chartID: "big", frame: ChartFrame(width: 482, maximumHeight: 600), theme: theme,
                                    measurer: measurer, plans: plans)
        let paged = OrgChart.render(request, chartID: "big", frame: ChartFrame(width: 482, maximumHeight: 600, firstPage: 7),
                                    theme: theme, measurer: measurer, plans: plans)
        let fresh = OrgChart.render(request, chartID: "big", frame: ChartFrame(width: 482, maximumHeight: 600, firstPage: 7),
                                    theme: theme, measurer: measurer)
        let parts = [first.drawing] + first.continuations, pagedParts = [paged.drawing] + paged.continuations
        XCTAssertGreaterThan(parts.count, 2)
        XCTAssertEqual(pagedParts.count, parts.count)
        XCTAssertEqual(pagedParts, [fresh.drawing] + fresh.continuations, "relabelling gives what planning afresh gives")
        for (part, pagedPart) in zip(parts, pagedParts) {
            XCTAssertEqual(part.size, pagedPart.size, "the first pass sizes each part as it is drawn")
            XCTAssertTrue(part.items.isEmpty, "the first pass only decides where the parts land")
        }
        let pagedTexts = pagedParts.flatMap { texts($0.items) }
        XCTAssertTrue(pagedTexts.contains { $0.hasPrefix("continued on page ") })
        XCTAssertTrue(pagedTexts.contains { $0.hasPrefix("continued from page 7") })
        XCTAssertFalse(pagedTexts.contains { $0.contains(" part ") }, "no mark still names a part")
    }

    /// Large charts draw square cards (their rounded corners were a third of the PDF drawing time);
    /// charts up to the limit keep rounded ones.
    func testLargeChartsDrawSquareCards() throws {
        for (count, rounded) in [(OrgStyle.roundedCardLimit, true), (OrgStyle.roundedCardLimit + 1, false)] {
            var rng = OrgSeededRandom(seed: 3)
            let org = OrgFixtures.randomOrg(count: count, rng: &rng, leafy: false)
            let request = OrgRequest(org: org, baseline: nil, caption: nil, root: nil, depth: nil, options: OrgOptions())
            let chart = OrgChart.render(request, chartID: "c", frame: ChartFrame(width: 482, maximumHeight: 600), theme: theme,
                                        measurer: measurer)
            let radii = ([chart.drawing] + chart.continuations).flatMap { drawing in
                items(drawing.items) { item -> Double? in
                    if case .rect(let rect) = item, rect.stroke != nil { return rect.cornerRadius } else { return nil }
                }
            }
            XCTAssertGreaterThan(radii.count, count / 2)
            // Cards (3 pt) and legend swatches (2 pt) rounded, or all square.
            XCTAssertEqual(Set(radii), rounded ? [3, 2] : [0], "\(count) cards")
        }
    }

    /// A 1,000-node org split across pages: few parts, each well filled, every node drawn exactly once,
    /// cards apart and inside their part, and every mark naming the part its subtree is in.
    func testSplitPartsArePacked() throws {
        for (seed, leafy) in [(UInt64(11), false), (UInt64(12), true)] {
            var rng = OrgSeededRandom(seed: seed)
            let org = OrgFixtures.randomOrg(count: 1000, rng: &rng, roots: 2, leafy: leafy)
            let forest = OrgForest(org)
            let style = OrgStyle(theme: theme)
            let cards = OrgCardMaker(style: style, measurer: measurer)
            let frame = ChartFrame(width: 482, maximumHeight: 680)
            let composer = OrgComposer(forest: forest, style: style, cards: cards, heading: ["Random"], legend: [],
                                       anchorName: { "part-\($0)" }, frame: frame)
            let planner = OrgPlanner(forest: forest, style: style, cards: cards, options: OrgOptions(), frame: frame,
                                     composer: composer, diff: nil)
            let parts = planner.plan()
            XCTAssertGreaterThan(parts.count, 1)
            XCTAssertLessThanOrEqual(parts.count, 40, "seed \(seed): 1,000 nodes need few pages (one per cut subtree was ~200)")
            var seen = [Int](repeating: 0, count: org.nodes.count)
            var fill: [Double] = []
            for part in parts {
                XCTAssertEqual(part.number == 1, part.fromParts.isEmpty)
                XCTAssertGreaterThanOrEqual(planner.scale(for: composer.measure(part)), planner.minimumScale - 1e-9,
                                            "part \(part.number) must not shrink text below the minimum")
                let placed = part.placement.cards
                let page = Rect(x: 0, y: 0, width: part.placement.size.width, height: part.placement.size.height)
                var area = 0.0
                for card in placed {
                    XCTAssertTrue(page.contains(card.rect), "card outside part \(part.number)")
                    if card.node >= 0 { seen[card.node] += 1 }
                    area += card.rect.width * card.rect.height
                    for line in card.card.lines where line.line.text.hasPrefix("continued") {
                        let target = Int(line.line.text.split(separator: " ").last ?? "") ?? 0
                        XCTAssertEqual(line.anchor, "part-\(target)", "a mark links to the part it names")
                        XCTAssertTrue((1...parts.count).contains(target))
                        if line.line.text.hasPrefix("continued from") {
                            XCTAssertTrue(part.fromParts.contains(target))
                        } else {
                            XCTAssertGreaterThanOrEqual(target, part.number, "subtrees continue on the same or later parts")
                            let name = card.card.lines[0].line.text
                            let repeated = parts[target - 1].placement.cards.filter { $0.node == -1 }
                            let continued = repeated.contains { $0.card.lines[0].line.text == name }
                            XCTAssertTrue(continued, "part \(target) repeats the card it continues")
                        }
                    }
                }
                let sorted = placed.indices.sorted { placed[$0].rect.minX < placed[$1].rect.minX }
                for (position, a) in sorted.enumerated() {
                    var next = position + 1
                    while next < sorted.count, placed[sorted[next]].rect.minX < placed[a].rect.maxX {
                        XCTAssertFalse(placed[a].rect.intersects(placed[sorted[next]].rect), "cards overlap in part \(part.number)")
                        next += 1
                    }
                }
                if part.number > 1 { fill.append(area / (planner.bin.width * planner.bin.height)) }
            }
            XCTAssertEqual(seen, [Int](repeating: 1, count: org.nodes.count), "every node drawn exactly once")
            let full = fill.dropLast()
            if !full.isEmpty {
                let mean = full.reduce(0, +) / Double(full.count)
                print("seed \(seed): \(parts.count) parts, mean card fill \(mean), least \(full.min() ?? 0)")
                XCTAssertGreaterThan(mean, 0.15, "seed \(seed): continuation pages are reasonably full")
            }
        }
    }
}
