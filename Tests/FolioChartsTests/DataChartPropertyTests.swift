// Property test: on thousands of random datasets, ticks cover the data, bars stand on the baseline,
// no text box overlaps another or leaves the chart, and every category label is shown or counted as hidden.
import FolioDisplay
@testable import FolioCharts
@testable import FolioModel
import XCTest

final class DataChartPropertyTests: XCTestCase {
    static func randomChart(seed: UInt64) -> (DataChart, ChartFrame) {
        var rng = SeededGenerator(seed: seed)
        let kind = DataChart.Kind.allCases[Int.random(in: 0..<4, using: &rng)]
        let count = [1, 3, 8, 30, 200, 1000][Int.random(in: 0..<6, using: &rng)]
        let words = ["North", "South", "Revenue", "Customer satisfaction index", "Q1", "年度", "a", "Operating margin after tax"]
        let xKind: DataChart.XKind
        var x: [Double] = [], labels: [String] = []
        switch kind == .bar ? 0 : Int.random(in: 0..<3, using: &rng) {
        case 0:
            xKind = .categories
            for i in 0..<count { x.append(Double(i)); labels.append(words[Int.random(in: 0..<words.count, using: &rng)] + " \(i)") }
        case 1:
            xKind = .numbers
            var value = Double.random(in: -1e4...1e4, using: &rng)
            for _ in 0..<count { value += Double.random(in: 0.1...50, using: &rng); x.append(value); labels.append("\(value)") }
        default:
            xKind = .dates(.day)
            var day = Double(CalendarMath.daysBefore(year: Int.random(in: 1900...2100, using: &rng)))
            let step = [1.0, 7, 31, 365][Int.random(in: 0..<4, using: &rng)]
            for _ in 0..<count { day += step; x.append(day); labels.append("d") }
        }
        let magnitude = [1.0, 100, 10_000, 5_000_000][Int.random(in: 0..<4, using: &rng)]
        let negative = Bool.random(using: &rng)
        let series = (0..<Int.random(in: 1...4, using: &rng)).map { index in
            DataSeries(name: "Series \(index) " + words[Int.random(in: 0..<words.count, using: &rng)], values: (0..<count).map { _ in
                Int.random(in: 0..<10, using: &rng) == 0 ? nil : Double.random(in: (negative ? -magnitude : 0)...magnitude, using: &rng)
            })
        }
        let chart = DataChart(kind: kind, xKind: xKind, x: x, xLabels: labels, series: series, sizes: [],
                              stack: Bool.random(using: &rng), horizontal: kind == .bar && Bool.random(using: &rng),
                              title: Bool.random(using: &rng) ? "A title of the chart" : nil,
                              yTitle: Bool.random(using: &rng) ? "Euros" : nil)
        let frame = ChartFrame(width: Double.random(in: 120...700, using: &rng), maximumHeight: Double.random(in: 100...600, using: &rng))
        return (chart, frame)
    }

    func testRandomChartsKeepTheirPromises() {
        let measurer = FixedAdvanceMeasurer()
        for seed in 0..<2000 as Range<UInt64> {
            let (chart, frame) = Self.randomChart(seed: seed)
            let scene = DataChartView.scene(chart, frame: frame, theme: ChartTheme(), measurer: measurer)
            let size = scene.drawing.size
            XCTAssertGreaterThanOrEqual(size.width, DataChartLayout.minimumSize.width, "seed \(seed)")
            XCTAssertGreaterThanOrEqual(size.height, DataChartLayout.minimumSize.height, "seed \(seed)")
            // Ticks cover the data.
            if let range = scene.dataRange, let first = scene.ticks.first, let last = scene.ticks.last {
                XCTAssertLessThanOrEqual(first, range.lowerBound + 1e-9 * max(1, abs(range.lowerBound)), "seed \(seed)")
                XCTAssertGreaterThanOrEqual(last, range.upperBound - 1e-9 * max(1, abs(range.upperBound)), "seed \(seed)")
            }
            // Unstacked bars start at the baseline.
            if chart.kind == .bar, !chart.stack, let baseline = scene.baseline {
                for bar in scene.bars {
                    let ends = chart.horizontal ? [bar.minX, bar.maxX] : [bar.minY, bar.maxY]
                    XCTAssertTrue(ends.contains { abs($0 - baseline) < 1e-6 }, "seed \(seed): bar \(bar) off the baseline \(baseline)")
                }
            }
            // No text box overlaps another or leaves the chart.
            let bounds = Rect(x: 0, y: 0, width: size.width, height: size.height)
            for (index, box) in scene.textBoxes.enumerated() {
                XCTAssertTrue(bounds.contains(box, tolerance: 0.02), "seed \(seed): \(box) leaves \(bounds)")
                for other in scene.textBoxes[(index + 1)...] where other.intersects(box) {
                    XCTAssertFalse(true, "seed \(seed): \(box) overlaps \(other)")
                }
            }
            // Category labels: each shown (in full or shortened) or counted as hidden.
            if chart.xKind == .categories, chart.kind != .scatter {
                let shownCategories = chart.xLabels.filter { label in
                    scene.texts.contains { $0 == label || ($0.hasSuffix("…") && label.hasPrefix(String($0.dropLast()))) }
                }.count
                XCTAssertGreaterThanOrEqual(shownCategories + scene.labelsHidden, chart.xLabels.count, "seed \(seed)")
            }
            XCTAssertLessThanOrEqual(scene.labelsShortened, scene.labelsShown, "seed \(seed)")
        }
    }

    /// M4 thinning keeps, in every quarter-point column, the first, lowest, highest and last point,
    /// in order; short runs stay whole.
    func testLongLinesKeepEachColumnsExtremes() {
        var random = SystemRandomNumberGenerator()
        let count = 50_000
        let xs = (0..<count).map { Double($0) * 500 / Double(count) }  // 100 points per column
        let ys = (0..<count).map { _ in Double.random(in: 0...300, using: &random) }
        let run = Array(0..<count)
        let kept = LineThinning.thin(run, x: xs) { ys[$0] }
        XCTAssertEqual(kept, kept.sorted(), "order kept")
        XCTAssertEqual(Set(kept).count, kept.count)
        XCTAssertLessThanOrEqual(kept.count, 4 * 2000 + 4)
        XCTAssertEqual(kept.first, 0)
        XCTAssertEqual(kept.last, count - 1)
        let columns = Dictionary(grouping: run) { Int(xs[$0] / LineThinning.columnWidth) }
        for (_, slots) in columns {
            let lowest = slots.min { ys[$0] < ys[$1] }!, highest = slots.max { ys[$0] < ys[$1] }!
            for needed in [slots.first!, slots.last!, lowest, highest] { XCTAssertTrue(kept.contains(needed)) }
        }
        let short = Array(0..<LineThinning.threshold)
        XCTAssertEqual(LineThinning.thin(short, x: xs) { ys[$0] }, short)
    }

    func testNiceTicksAreRound() {
        let scale = NiceScale.make(minimum: 0, maximum: 405, maxTicks: 6)
        XCTAssertEqual(scale.ticks, [0, 100, 200, 300, 400, 500])
        let negative = NiceScale.make(minimum: -5, maximum: 12, maxTicks: 10)
        XCTAssertEqual(negative.ticks.first, -6)
        XCTAssertEqual(negative.ticks.last, 12)
    }

    func testNumbersByLanguage() {
        let scale = NiceScale.make(minimum: 0, maximum: 16_000, maxTicks: 9)
        XCTAssertEqual(NumberLabels(lang: "en").forAxis(scale).text(14_000, decimals: scale.decimals), "14k")
        XCTAssertEqual(NumberLabels(lang: "en").text(12_500, decimals: 0), "12,500")
        XCTAssertEqual(NumberLabels(lang: "de").text(12_500, decimals: 0), "12.500")
        XCTAssertEqual(NumberLabels(lang: "fr").text(12_500.5, decimals: 1), "12\u{202F}500,5")
        let millions = NiceScale.make(minimum: 0, maximum: 4_000_000, maxTicks: 5)
        XCTAssertEqual(NumberLabels(lang: "en").forAxis(millions).text(2_000_000, decimals: millions.decimals), "2M")
        XCTAssertEqual(NumberLabels(lang: "en").valueText(-2.5), "−2.5")
    }

    /// Labels that do not fit are thinned, then turned upright, then shortened — in that order.
    func testCategoryLabelRules() {
        let measurer = FixedAdvanceMeasurer()
        let style = TextStyle(font: FontSpec(family: "Noto Sans", size: 10))
        let lines = (0..<10).map { measurer.measureLine([TextSpan("Label \($0)", style: style)], lang: "en") }
        XCTAssertEqual(CategoryLabels.fit(lines, band: 60, maxDepth: 100, measurer: measurer, lang: "en").mode, .flat)
        let thinned = CategoryLabels.fit(lines, band: 25, maxDepth: 100, measurer: measurer, lang: "en")
        XCTAssertEqual(thinned.mode, .flat)
        XCTAssertEqual(thinned.hidden, 5)
        let upright = CategoryLabels.fit(lines, band: 14, maxDepth: 100, measurer: measurer, lang: "en")
        XCTAssertEqual(upright.mode, .upright)
        XCTAssertEqual(upright.hidden, 0)
        let shortened = CategoryLabels.fit(lines, band: 14, maxDepth: 25, measurer: measurer, lang: "en")
        XCTAssertEqual(shortened.shortened, 10)
        XCTAssertTrue(shortened.shown.allSatisfy { $0.line.width <= 25 && $0.line.spans.last?.text.hasSuffix("…") == true })
    }
}

extension DataChartPropertyTests {
    func testUnitTicksKeepTheirHalves() {
        let scale = NiceScale(low: 0, high: 20_000, step: 2_500)
        let labels = NumberLabels(lang: "en").forAxis(scale)
        XCTAssertEqual(scale.ticks.map { labels.text($0, decimals: scale.decimals) },
                       ["0", "2.5k", "5k", "7.5k", "10k", "12.5k", "15k", "17.5k", "20k"])
    }
}

extension DataChartPropertyTests {
    func testQuarterStepsKeepTheirDecimal() {
        let scale = NiceScale(low: -15, high: 10, step: 2.5)
        XCTAssertEqual(scale.decimals, 1)
        XCTAssertEqual(NumberLabels(lang: "en").forAxis(scale).text(-12.5, decimals: scale.decimals), "−12.5")
        XCTAssertEqual(NiceScale(low: 0, high: 1, step: 0.2).decimals, 1)
    }
}
