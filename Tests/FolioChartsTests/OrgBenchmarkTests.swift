@testable import FolioCharts
import FolioDisplay
import Foundation
import XCTest

/// In-process org layout timings for 1k, 10k and 100k nodes; runs only with FOLIO_BENCH=1.
final class OrgBenchmarkTests: XCTestCase {
    func testLayoutTimings() throws {
        guard ProcessInfo.processInfo.environment["FOLIO_BENCH"] == "1" else { throw XCTSkip("set FOLIO_BENCH=1 to run") }
        let style = OrgStyle(theme: ChartTheme())
        for count in [1_000, 10_000, 100_000] {
            var rng = OrgSeededRandom(seed: 42)
            let org = OrgFixtures.randomOrg(count: count, rng: &rng)
            var placeTimes: [Double] = [], chartTimes: [Double] = []
            for _ in 0..<5 {
                // Tree layout alone: forest, card measuring, tidy placement.
                let start = DispatchTime.now().uptimeNanoseconds
                let forest = OrgForest(org)
                let cards = OrgCardMaker(style: style, measurer: FixedAdvanceMeasurer())
                let placement = OrgPlacement.place(forest, roots: forest.roots, header: nil, cutoff: nil, style: style,
                                                   stackThreshold: 5) { cards.card(for: org.nodes[$0], mark: nil) }
                placeTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                XCTAssertEqual(placement.cards.count, count)
                // The whole chart: fitting the page and splitting into parts, display items included.
                let chartStart = DispatchTime.now().uptimeNanoseconds
                let request = OrgRequest(org: org, baseline: nil, caption: nil, root: nil, depth: nil, options: OrgOptions())
                let chart = OrgChart.render(request, chartID: "bench", frame: ChartFrame(width: 482, maximumHeight: 680),
                                            theme: ChartTheme(), measurer: FixedAdvanceMeasurer())
                chartTimes.append(Double(DispatchTime.now().uptimeNanoseconds - chartStart) / 1e6)
                XCTAssertFalse(chart.drawing.items.isEmpty)
            }
            let median = { (times: [Double]) in times.sorted()[times.count / 2] }
            print(String(format: "org layout %7d nodes: %8.1f ms layout, %8.1f ms whole chart (median of 5)",
                         count, median(placeTimes), median(chartTimes)))
        }
    }
}
