@testable import FolioCharts
import FolioDisplay
@testable import FolioModel
import XCTest

/// Large org charts: the main page shows at least three levels when it has room, and the
/// continuation parts are packed (their pieces cover, on average, at least 60% of a part's room).
final class OrgPackingTests: XCTestCase {
    let frame = ChartFrame(width: 482, maximumHeight: 680)

    /// The benchmark's org (Benchmarks/org/generate.py): node i reports to node (i - 1) / 5 or so.
    static func benchmarkOrg(_ count: Int) -> Org {
        var nodes: [Org.Node] = []
        var next = 1
        var parents = [0]
        nodes.append(Org.Node(id: "n0", name: "Unit 0", title: "Lead 0", parent: nil, status: .active, note: nil,
                              location: .start(of: OrgFixtures.file)))
        var queue = 0
        while next < count {
            let parent = parents[queue]
            queue += 1
            for _ in 0..<(4 + parent % 3) where next < count {
                nodes.append(Org.Node(id: "n\(next)", name: "Unit \(next)", title: "Lead \(next)", parent: "n\(parent)",
                                      status: .active, note: nil, location: .start(of: OrgFixtures.file)))
                parents.append(next)
                next += 1
            }
        }
        return Org(id: "bench", title: "Bench", date: nil, nodes: nodes, links: [])
    }

    func planner(_ org: Org) -> (OrgPlanner, [OrgPart]) {
        let plans = ChartPlans()
        let request = OrgRequest(org: org, baseline: nil, caption: nil, root: nil, depth: nil, options: OrgOptions())
        _ = OrgChart.render(request, chartID: "pack", frame: frame, theme: ChartTheme(), measurer: FixedAdvanceMeasurer(), plans: plans)
        guard let kept = plans.org("pack", frame: frame) else { fatalError("no plan kept") }
        return (kept.planner, kept.planner.parts())
    }

    func testMainPageShowsThreeLevelsOfALargeOrg() {
        for count in [300, 1_000, 5_000] {
            let org = Self.benchmarkOrg(count)
            let (planner, parts) = planner(org)
            XCTAssertGreaterThan(parts.count, 1)
            let levels = Set(parts[0].placement.cards.filter { $0.node >= 0 }.map { planner.forest.level[$0.node] })
            XCTAssertGreaterThanOrEqual(levels.count, 3, "\(count) nodes: the main page shows \(levels.count) levels")
        }
    }

    func testContinuationPartsArePacked() {
        var fills: [Double] = []
        for count in [1_000, 3_000] {
            let (planner, parts) = planner(Self.benchmarkOrg(count))
            XCTAssertGreaterThan(parts.count, 2)
            fills += planner.continuationFill
        }
        var rng = OrgSeededRandom(seed: 7)
        for _ in 0..<3 {
            let (planner, _) = planner(OrgFixtures.randomOrg(count: 1_500, rng: &rng))
            fills += planner.continuationFill
        }
        let mean = fills.reduce(0, +) / Double(max(fills.count, 1))
        print(String(format: "org continuation parts: %d, mean fill %.1f%%, lowest %.1f%%", fills.count, mean * 100,
                     (fills.min() ?? 0) * 100))
        XCTAssertGreaterThanOrEqual(mean, 0.6)
    }
}
