// Layout timing for 1k, 10k and 100k events (runs only with FOLIO_BENCH=1; use `-c release` for real figures).
import FolioDisplay
@testable import FolioCharts
@testable import FolioModel
import XCTest

final class TimelineBenchmarkTests: XCTestCase {
    /// The benchmark's synthetic timeline: `count` point events on random days of 1995–2025, "Event N" labels,
    /// in two lanes, like `Benchmarks/timeline/generate.py` and the peers' generator.
    static func synthetic(count: Int, seed: UInt64 = 7) -> Timeline {
        var rng = SeededGenerator(seed: seed)
        let first = CalendarMath.daysBefore(year: 1995), last = CalendarMath.daysBefore(year: 2026) - 1
        let days = (0..<count).map { _ in Int.random(in: first...last, using: &rng) }.sorted()
        let events = days.enumerated().map { index, day -> TimelineEvent in
            let c = CalendarMath.civil(day)
            return TimelineEvent(when: .point(ISODate(year: c.year, month: c.month, day: c.day)), label: "Event \(index + 1)",
                                 lane: index % 2, category: index % 3, note: nil, emphasis: index % 97 == 0)
        }
        let categories = (0..<3).map { TimelineCategory(id: "c\($0)", label: "Category \($0)", color: TimelineLoader.palette($0)) }
        return Timeline(title: "\(count) events", caption: nil, lanes: ["Lane A", "Lane B"], categories: categories, events: events)
    }

    /// Prints layout milliseconds (median of 3) for 1k, 10k and 100k events with the fixed-advance measurer.
    func testMeasureLayoutTime() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["FOLIO_BENCH"] == "1", "set FOLIO_BENCH=1 to time timeline layout")
        measureLayoutTime()
    }

    func measureLayoutTime() {
        let measurer = CountingMeasurer()
        let frame = ChartFrame(width: 482, maximumHeight: 680)
        for count in [1_000, 10_000, 100_000] {
            let timeline = Self.synthetic(count: count)
            var times: [Double] = []
            var hidden = 0
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                let scene = TimelineLayout(timeline: timeline, frame: frame, theme: ChartTheme(), measurer: measurer).layout()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                hidden = scene.hiddenCount
                XCTAssertEqual(SceneChecks.problems(scene).count, 0)
            }
            let median = times.sorted()[1]
            print(String(format: "timeline layout: %7d events  %8.1f ms (median of 3)  %d labels hidden, %d lines measured per layout",
                         count, median, hidden, measurer.count / 3))
            measurer.count = 0
        }
    }
}

/// The fixed-advance measurer, counting the lines it measures.
final class CountingMeasurer: TextMeasuring {
    let inner = FixedAdvanceMeasurer(advance: 0.55)
    var count = 0
    func measureLine(_ spans: [TextSpan], lang: String) -> TextLine {
        count += 1
        return inner.measureLine(spans, lang: lang)
    }
    func breakLines(_ paragraph: StyledParagraph, width: Double) -> [TextLine] { inner.breakLines(paragraph, width: width) }
}
