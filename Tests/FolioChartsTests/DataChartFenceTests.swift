// Reading `chart` fences: the contract's example, inline rows, gaps, and positioned errors.
@testable import FolioModel
import XCTest

final class DataChartFenceTests: XCTestCase {
    func data() throws -> DataSet {
        var data = DataSet()
        data.tables["kpis"] = try CSVTable.read("region,metric,value\nEMEA,Revenue,12500\nEMEA,Orders,15200\nAPAC,Revenue,9800\nAPAC,Orders,x1\n",
                                                 id: "kpis", file: "kpis.csv")
        return data
    }

    func chart(_ body: String) -> ChartBlock {
        ChartBlock(kind: .chart, id: "c", body: body, bodyLocation: SourceLocation(file: "b.md", line: 10, column: 1))
    }

    func testContractExample() throws {
        let body = """
        type: bar
        use: kpis
        x: metric
        y: value
        series: region
        where: { region: EMEA }
        stack: false
        horizontal: false
        title: "Revenue by metric"
        caption: "Key figures, third quarter"
        id: revenue
        """
        let spec = try DataChartFence.read(chart(body), data: try data())
        XCTAssertEqual(spec.kind, .bar)
        XCTAssertEqual(spec.xLabels, ["Revenue", "Orders"])
        XCTAssertEqual(spec.series.map(\.name), ["EMEA"])
        XCTAssertEqual(spec.series[0].values, [12500, 15200])
        XCTAssertEqual(spec.caption, "Key figures, third quarter")
        XCTAssertEqual(try FenceKeys.chartID(in: body, file: "b.md", firstLine: 10), "revenue")
    }

    /// Layout passes read a fence once per data set (copies share the memo); a failed read is not kept.
    func testAFenceIsReadOncePerDataSet() throws {
        let data = try data()
        let block = chart("type: line\nuse: kpis\nx: metric\ny: value\nseries: region\nwhere: { region: EMEA }")
        let first = try DataChartFence.readOnce(block, data: data)
        XCTAssertEqual(first, try DataChartFence.read(block, data: data))
        let copy = data
        var reads = 0
        let again = try copy.charts.chart(for: block) { reads += 1; return first }
        XCTAssertEqual(reads, 0, "the copy shares the chart read before")
        XCTAssertEqual(again, first)
        let bad = chart("type: line\nuse: kpis\nx: metric\ny: value")  // APAC's 'x1' is no number
        XCTAssertThrowsError(try DataChartFence.readOnce(bad, data: data))
        XCTAssertThrowsError(try DataChartFence.readOnce(bad, data: data))
        XCTAssertEqual(try data.charts.chart(for: bad) { reads += 1; return first }, first)
        XCTAssertEqual(reads, 1, "an error was not kept as a chart")
    }

    func testInlineRowsWithGapsAndDates() throws {
        let spec = try DataChartFence.read(chart("""
        type: line
        data:
          - { m: 2024-03, a: 1, b: 2 }
          - { m: 2024-01, a: 3, b: }
        x: m
        y: [a, b]
        """), data: DataSet())
        XCTAssertEqual(spec.xKind, .dates(.month))
        XCTAssertEqual(spec.xLabels, ["2024-01", "2024-03"])
        XCTAssertEqual(spec.series[1].values, [nil, 2])
    }

    /// Rows in x order take one slot each without lookups; the same rows shuffled, or with an x
    /// repeated in another spelling (`2` and `2.0`), give the same chart through the lookup.
    func testXSlotsInOrderShuffledAndRepeated() throws {
        func read(_ rows: [String]) throws -> DataChart {
            let table = try CSVTable.read("x,y\n" + rows.joined(separator: "\n") + "\n", id: "t", file: "t.csv")
            var data = DataSet()
            data.tables["t"] = table
            return try DataChartFence.read(chart("type: line\nuse: t\nx: x\ny: y\n"), data: data)
        }
        let rows = (0..<50).map { "\($0 * 3 - 20),\($0 % 7)" }
        let inOrder = try read(rows)
        XCTAssertEqual(inOrder.xKind, .numbers)
        XCTAssertEqual(inOrder.x, (0..<50).map { Double($0 * 3 - 20) })
        var generator = SystemRandomNumberGenerator()
        let shuffled = try read(rows.shuffled(using: &generator))
        XCTAssertEqual(shuffled.x, inOrder.x)
        XCTAssertEqual(shuffled.xLabels, inOrder.xLabels)
        XCTAssertEqual(shuffled.series[0].values, inOrder.series[0].values)
        // 2 and 2.0 are one x: their values add up, under the first spelling.
        let repeated = try read(["1,10", "2,20", "2.0,5", "3,30"])
        XCTAssertEqual(repeated.x, [1, 2, 3])
        XCTAssertEqual(repeated.xLabels, ["1", "2", "3"])
        XCTAssertEqual(repeated.series[0].values, [10, 25, 30])
        // Dates out of order are sorted; a day and its month are different x.
        let dates = try read(["2024-03-05,1", "2024-01-02,2", "2024-02,3"])
        XCTAssertEqual(dates.xKind, .dates(.day))
        XCTAssertEqual(dates.xLabels, ["2024-01-02", "2024-02", "2024-03-05"])
        XCTAssertEqual(dates.series[0].values, [2, 3, 1])
    }

    func testUnknownColumnHasDidYouMean() throws {
        XCTAssertThrowsError(try DataChartFence.read(chart("type: bar\nuse: kpis\nx: metric\ny: valeu\n"), data: try data())) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("b.md:13:4"), text)
            XCTAssertTrue(text.contains("no column 'valeu'") && text.contains("did you mean 'value'"), text)
        }
    }

    func testNonNumericValueIsReportedAtItsRow() throws {
        XCTAssertThrowsError(try DataChartFence.read(chart("type: bar\nuse: kpis\nx: metric\ny: value\n"), data: try data())) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("kpis.csv:5:"), text)
            XCTAssertTrue(text.contains("'x1'") && text.contains("not a number"), text)
        }
    }

    func testFenceInfoTyposNameTheKind() {
        XCTAssertEqual(FenceInfo.likelyTypo("orgchar"), "orgchart")
        XCTAssertEqual(FenceInfo.likelyTypo("timelines"), "timeline")
        XCTAssertEqual(FenceInfo.likelyTypo("barchart"), "chart")
        XCTAssertEqual(FenceInfo.likelyTypo("charts"), "chart")
        for code in ["swift", "yaml", "json", "bash", "python", "markdown", "sh", "c", "text", ""] {
            XCTAssertNil(FenceInfo.likelyTypo(code), code)
        }
    }
}
