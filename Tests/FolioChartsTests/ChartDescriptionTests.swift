@testable import FolioCharts
import FolioDisplay
@testable import FolioModel
import XCTest

/// Alternative text written from a chart's data: counts, range, lanes and every event or unit.
final class ChartDescriptionTests: XCTestCase {
    static let data = """
    timelines:
      llama:
        title: "Llama"
        lanes: [Meta, Industry]
        categories:
          release: { label: "Model release", color: "#1f6feb" }
        events:
          - { date: 2023-02, label: "Llama 1", lane: Meta, category: release }
          - { from: 2024-04-18, to: 2024-09-25, label: "Llama 3 family", lane: Meta }
          - { date: 2013-12, label: "FAIR founded", lane: Industry }
    """

    func testTimelineDescriptionCountsRangeLanesAndEvents() throws {
        let data = try TimelineFixtures.data(Self.data)
        let text = ChartDescription.text(for: TimelineFixtures.fence("use: llama"), data: data)
        XCTAssertTrue(text.hasPrefix("Timeline “Llama” of 3 events, December 2013 to September 2024, in two lanes (Meta, Industry)"), text)
        XCTAssertTrue(text.contains("categories: Model release"), text)
        // Events in time order, a span with both ends.
        let first = try XCTUnwrap(text.range(of: "December 2013, FAIR founded"))
        let span = try XCTUnwrap(text.range(of: "April 2024 to September 2024, Llama 3 family"))
        XCTAssertLessThan(first.lowerBound, span.lowerBound)
        XCTAssertEqual(ChartDescription.title(for: TimelineFixtures.fence("use: llama"), data: data), "Llama")
    }

    func testUnreadableChartGetsAGenericSentence() throws {
        let data = try TimelineFixtures.data(Self.data)
        XCTAssertEqual(ChartDescription.text(for: TimelineFixtures.fence("use: nothing"), data: data), "Timeline chart.")
    }

    func testDataChartDescriptionNamesSeriesAndValues() {
        let chart = DataChart(kind: .bar, xKind: .categories, x: [0, 1], xLabels: ["A", "B"],
                              series: [DataSeries(name: "Sales", values: [3, 4.5])], sizes: [], stack: false, horizontal: false,
                              title: "Sales", caption: nil, xTitle: nil, yTitle: "Units", valueLabels: false, height: nil)
        XCTAssertEqual(ChartDescription.dataText(chart),
                       "Bar chart “Sales” of 1 series (Sales) over 2 points, A to B; values: Units; Sales from 3 to 4.5 (A: 3, B: 4.5).")
    }
}
