// The table of "nice" tick intervals, from days to millennia, and the ticks each gives in a range.

/// A tick interval: a calendar unit and a step (every 2 days, every quarter, every 50 years, …).
struct TimeInterval: Hashable, Sendable, CustomStringConvertible {
    enum Unit: Hashable, Sendable { case day, week, month, year }

    var unit: Unit
    var step: Int

    /// Candidate intervals from finest to coarsest (the d3 table, extended by 1/2/5×10ᵏ years).
    static let table: [TimeInterval] = {
        var intervals = [TimeInterval(unit: .day, step: 1), TimeInterval(unit: .day, step: 2),
                         TimeInterval(unit: .week, step: 1), TimeInterval(unit: .month, step: 1),
                         TimeInterval(unit: .month, step: 3), TimeInterval(unit: .month, step: 6)]
        var power = 1
        while power <= 1000 {
            for factor in [1, 2, 5] { intervals.append(TimeInterval(unit: .year, step: factor * power)) }
            power *= 10
        }
        return intervals
    }()

    /// Average length in days, to estimate tick counts before generating ticks.
    var approximateDays: Double {
        switch unit {
        case .day: return Double(step)
        case .week: return 7 * Double(step)
        case .month: return 30.436875 * Double(step)
        case .year: return 365.2425 * Double(step)
        }
    }

    var description: String { "\(step) \(unit)" }

    /// The tick days within `start`…`end` (inclusive), in increasing order.
    func ticks(from start: Double, to end: Double) -> [Int] {
        let first = Int(start.rounded(.up)), last = Int(end.rounded(.down))
        guard first <= last else { return [] }
        var days: [Int] = []
        switch unit {
        case .day:
            var day = first
            while day <= last {
                if step == 1 || (CalendarMath.civil(day).day - 1) % step == 0, CalendarMath.civil(day).day != 31 || step == 1 {
                    days.append(day)
                }
                day += 1
            }
        case .week:
            // Day 0 (0001-01-01) is a Monday; weeks start on Mondays.
            var day = (first + 6) / 7 * 7
            while day <= last { days.append(day); day += 7 * step }
        case .month:
            let begin = CalendarMath.civil(first)
            var year = begin.year, month = begin.month
            while true {
                let day = CalendarMath.dayNumber(year: year, month: month)
                if day > last { break }
                if day >= first, (month - 1) % step == 0 { days.append(day) }
                month += 1
                if month > 12 { month = 1; year += 1 }
            }
        case .year:
            var year = max(1, CalendarMath.civil(first).year / step * step)
            while year < 10_000 {
                let day = CalendarMath.daysBefore(year: year)
                if day > last { break }
                if day >= first, year % step == 0 { days.append(day) }
                year += step == 1 ? 1 : (year % step == 0 ? step : step - year % step)
            }
        }
        return days
    }
}
