// Property test: on thousands of random timelines, no label overlaps another label or a mark, and all stays inside.
import FolioDisplay
@testable import FolioCharts
@testable import FolioModel
import XCTest

final class TimelinePropertyTests: XCTestCase {
    /// A random timeline: 0–60 events over a range from days to centuries, in 1–3 lanes, some spans,
    /// notes, emphasis and long labels, in a random frame.
    static func randomCase(seed: UInt64) -> (Timeline, ChartFrame) {
        var rng = SeededGenerator(seed: seed)
        let startYear = Int.random(in: 1...9990, using: &rng)
        let spanDays = [3, 20, 90, 400, 2_000, 20_000, 200_000][Int.random(in: 0..<7, using: &rng)]
        let startDay = CalendarMath.daysBefore(year: startYear) + Int.random(in: 0..<365, using: &rng)
        let lastDay = min(CalendarMath.daysBefore(year: 10_000) - 1, startDay + spanDays)
        let laneCount = Int.random(in: 1...3, using: &rng)
        let lanes = laneCount == 1 && Bool.random(using: &rng) ? [""] : (0..<laneCount).map { "Lane \($0 + 1)" }
        let categories = (0..<Int.random(in: 0...4, using: &rng)).map {
            TimelineCategory(id: "c\($0)", label: "Category \($0)", color: TimelineLoader.palette($0))
        }
        func date(_ day: Int) -> ISODate {
            let c = CalendarMath.civil(day)
            let precision = [ISODate.Precision.day, .month, .year][Int.random(in: 0..<3, using: &rng)]
            return ISODate(year: c.year, month: precision == .year ? 1 : c.month, day: precision == .day ? c.day : 1, precision: precision)
        }
        let words = ["Llama", "release", "of", "the", "open", "weights", "reorganisation", "A", "launch", "年", "model", "x"]
        var events: [TimelineEvent] = []
        for _ in 0..<Int.random(in: 0...60, using: &rng) {
            let day = Int.random(in: startDay...lastDay, using: &rng)
            let when: TimelineEvent.When
            if Int.random(in: 0..<4, using: &rng) == 0 {
                let a = date(day), b = date(min(lastDay, day + Int.random(in: 0...max(1, spanDays / 3), using: &rng)))
                when = b < a ? .span(b, a) : .span(a, b)
            } else {
                when = .point(date(day))
            }
            let label = (0..<Int.random(in: 1...(Int.random(in: 0..<10, using: &rng) == 0 ? 30 : 5), using: &rng))
                .map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
            events.append(TimelineEvent(when: when, label: label, lane: Int.random(in: 0..<lanes.count, using: &rng),
                                        category: categories.isEmpty || Bool.random(using: &rng) ? nil : Int.random(in: 0..<categories.count, using: &rng),
                                        note: Int.random(in: 0..<4, using: &rng) == 0 ? "a note with sizes 7B, 13B" : nil,
                                        emphasis: Int.random(in: 0..<8, using: &rng) == 0))
        }
        let title = Bool.random(using: &rng) ? "A random timeline with a title that may be long enough to wrap onto two lines" : nil
        let timeline = Timeline(title: title, caption: nil, lanes: lanes, categories: categories, events: events,
                                from: events.isEmpty ? date(startDay) : nil, to: events.isEmpty ? date(lastDay) : nil,
                                height: Int.random(in: 0..<5, using: &rng) == 0 ? Double.random(in: 60...300, using: &rng) : nil)
        let frame = ChartFrame(width: Double.random(in: 120...700, using: &rng),
                               preferredHeight: Bool.random(using: &rng) ? Double.random(in: 50...400, using: &rng) : nil,
                               maximumHeight: Double.random(in: 150...900, using: &rng))
        return (timeline, frame)
    }

    func testRandomTimelinesNeverOverlapAndStayInside() {
        let base = UInt64(ProcessInfo.processInfo.environment["FOLIO_SEED"].flatMap { UInt64($0) } ?? 20_251_128)
        let count = Int(ProcessInfo.processInfo.environment["FOLIO_CASES"] ?? "") ?? 2_000
        let measurer = FixedAdvanceMeasurer(advance: 0.55)
        var failures = 0
        for offset in 0..<UInt64(count) {
            let seed = base &+ offset
            let (timeline, frame) = Self.randomCase(seed: seed)
            let scene = TimelineLayout(timeline: timeline, frame: frame, theme: ChartTheme(), measurer: measurer).layout()
            var problems = SceneChecks.problems(scene)
            let minimal = scene.size.height > frame.maximumHeight + 0.001 && timeline.events.count > 0
                && scene.labels.filter({ $0.owner != nil }).isEmpty
            if scene.size.height > frame.maximumHeight + 0.001, !minimal {
                problems.append("height \(scene.size.height) exceeds the maximum \(frame.maximumHeight)")
            }
            if scene.size.width != frame.width { problems.append("width \(scene.size.width) is not \(frame.width)") }
            let shown = Set(scene.labels.compactMap(\.owner)).count
            if shown + scene.hiddenCount != timeline.events.count {
                problems.append("\(shown) shown + \(scene.hiddenCount) hidden != \(timeline.events.count) events")
            }
            if !problems.isEmpty {
                failures += 1
                XCTFail("seed \(seed) (replay: FOLIO_SEED=\(seed) FOLIO_CASES=1): " + problems.prefix(5).joined(separator: "; "))
                if failures >= 5 { return }
            }
        }
    }
}
