// Axis ticks: monotonic, inside the range, on nice calendar boundaries, for ranges from days to centuries.
import FolioDisplay
@testable import FolioCharts
@testable import FolioModel
import XCTest

final class TimelineAxisTests: XCTestCase {
    /// Ten ranges from 3 days to 500 years, as (from, to) dates.
    static let ranges: [(String, String)] = [
        ("2024-04-17", "2024-04-19"), ("2024-04-01", "2024-04-20"), ("2024-02-10", "2024-05-02"),
        ("2024-01", "2024-09"), ("2023-02", "2025-10"), ("2019", "2025"), ("2013-12", "2025-10"),
        ("1960", "2025"), ("1850", "2025"), ("1525", "2025"),
    ]

    func axis(_ from: String, _ to: String, width: Double = 482) throws -> (TimeAxis, TimeScale) {
        let start = try XCTUnwrap(ISODate(parsing: from)), end = try XCTUnwrap(ISODate(parsing: to))
        let domain = TimeScale.domain(low: Double(start.dayNumber), high: Double(CalendarMath.endDay(of: end)),
                                      fixedStart: Double(start.dayNumber), fixedEnd: Double(CalendarMath.endDay(of: end)))
        let scale = TimeScale(start: domain.start, end: domain.end, left: 6, right: width - 6)
        let style = TextStyle(font: FontSpec(family: "Noto Sans", size: 8))
        return (TimeAxis.make(scale: scale, width: width, style: style, contextStyle: style,
                              measurer: FixedAdvanceMeasurer(advance: 0.55), lang: "en"), scale)
    }

    func testTicksAreMonotonicInsideAndNice() throws {
        var intervals: [String] = []
        for (from, to) in Self.ranges {
            let (axis, scale) = try axis(from, to)
            intervals.append(axis.interval.description)
            XCTAssertGreaterThanOrEqual(axis.ticks.count, 2, "\(from)…\(to): \(axis.interval)")
            XCTAssertLessThanOrEqual(axis.ticks.count, 20, "\(from)…\(to): \(axis.interval)")
            for (a, b) in zip(axis.ticks, axis.ticks.dropFirst()) {
                XCTAssertLessThan(a.day, b.day, "\(from)…\(to)")
                XCTAssertLessThan(a.x, b.x)
                XCTAssertLessThanOrEqual(a.labelX + a.label.width + TimeAxis.labelGap, b.labelX, "labels touch in \(from)…\(to)")
            }
            for tick in axis.ticks {
                XCTAssertTrue(Double(tick.day) >= scale.start && Double(tick.day) <= scale.end, "\(from)…\(to): tick outside")
                XCTAssertTrue(tick.labelX >= 0 && tick.labelX + tick.label.width <= 482, "label leaves the chart")
                let date = CalendarMath.civil(tick.day)
                let step = axis.interval.step
                switch axis.interval.unit {
                case .day: XCTAssertEqual((date.day - 1) % step, 0)
                case .week: XCTAssertEqual(tick.day % 7, 0, "weeks start on Monday")
                case .month: XCTAssertEqual(date.day, 1); XCTAssertEqual((date.month - 1) % step, 0)
                case .year:
                    XCTAssertEqual(date.month, 1); XCTAssertEqual(date.day, 1); XCTAssertEqual(date.year % step, 0)
                    XCTAssertTrue([1, 2, 5].contains(step / Int(pow(10, floor(log10(Double(step)))))), "step \(step) is not 1/2/5×10ᵏ")
                }
            }
        }
        // Finer ranges get finer intervals: days first, centuries last.
        XCTAssertEqual(intervals.first, "1 day")
        XCTAssertTrue(intervals.last?.hasSuffix("year") ?? false, "\(intervals)")
        print("timeline axis intervals:", intervals)
    }

    func testMonthsGetYearsUnderneath() throws {
        let (axis, _) = try axis("2023-02", "2024-09")
        XCTAssertEqual(axis.interval.unit, .month)
        XCTAssertEqual(axis.context.map(\.label.text).prefix(2), ["2023", "2024"])
        for (a, b) in zip(axis.context, axis.context.dropFirst()) {
            XCTAssertLessThanOrEqual(a.labelX + a.label.width, b.labelX)
        }
    }

    func testDaysGetMonthsUnderneath() throws {
        let (axis, _) = try axis("2024-04-17", "2024-04-19")
        XCTAssertEqual(axis.interval.unit, .day)
        XCTAssertEqual(axis.ticks.map(\.label.text), ["17", "18", "19", "20"])
        XCTAssertEqual(axis.context.map(\.label.text), ["Apr 2024"])
    }

    func testNarrowChartsThinLabelsInsteadOfOverlapping() throws {
        for (from, to) in Self.ranges {
            let (axis, _) = try axis(from, to, width: 60)
            for (a, b) in zip(axis.ticks, axis.ticks.dropFirst()) {
                XCTAssertLessThanOrEqual(a.labelX + a.label.width, b.labelX, "\(from)…\(to)")
            }
            for tick in axis.ticks + axis.context {
                XCTAssertTrue(tick.labelX >= 0 && tick.labelX + tick.label.width <= 60.001, "\(from)…\(to)")
            }
        }
    }

    func testDatesKeepTheirPrecision() throws {
        func text(_ s: String) throws -> String { CalendarMath.format(try XCTUnwrap(ISODate(parsing: s))) }
        XCTAssertEqual(try text("2013"), "2013")
        XCTAssertEqual(try text("2023-02"), "Feb 2023")
        XCTAssertEqual(try text("2024-04-18"), "18 Apr 2024")
        let from = try XCTUnwrap(ISODate(parsing: "2024-04-18")), to = try XCTUnwrap(ISODate(parsing: "2024-09-25"))
        XCTAssertEqual(CalendarMath.formatRange(from, to), "18 Apr – 25 Sep 2024")
        let week = try XCTUnwrap(ISODate(parsing: "2024-04-22"))
        XCTAssertEqual(CalendarMath.formatRange(week, try XCTUnwrap(ISODate(parsing: "2024-04-26"))), "22–26 Apr 2024")
        XCTAssertEqual(CalendarMath.formatRange(try XCTUnwrap(ISODate(parsing: "2023-02")), to), "Feb 2023 – 25 Sep 2024")
    }

    func testCalendarRoundTrips() {
        for day in stride(from: 0, to: CalendarMath.daysBefore(year: 10_000), by: 997) {
            let date = CalendarMath.civil(day)
            XCTAssertEqual(CalendarMath.dayNumber(year: date.year, month: date.month, day: date.day), day)
        }
        XCTAssertEqual(CalendarMath.civil(0).year, 1)
        XCTAssertEqual(CalendarMath.civil(CalendarMath.daysBefore(year: 10_000) - 1).year, 9999)
    }
}
