// Day arithmetic on the proleptic Gregorian calendar and date text at a date's precision.
import FolioModel

/// Converts between day numbers (days since 0001-01-01) and calendar dates, and formats dates.
enum CalendarMath {
    /// Short month names, as used on axes and in labels.
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Days from 0001-01-01 to January 1 of `year` (valid for any year ≥ 1, including 10000).
    static func daysBefore(year: Int) -> Int {
        let y = year - 1
        return y * 365 + y / 4 - y / 100 + y / 400
    }

    /// Day number of the first day of `month` in `year`.
    static func dayNumber(year: Int, month: Int, day: Int = 1) -> Int {
        var days = daysBefore(year: year)
        for m in 1..<month { days += ISODate.daysIn(month: m, year: year) }
        return days + day - 1
    }

    /// The calendar date of a day number (year, month 1–12, day 1–31).
    static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        var year = max(1, Int(Double(dayNumber) / 365.2425) + 1)
        while year > 1, daysBefore(year: year) > dayNumber { year -= 1 }
        while daysBefore(year: year + 1) <= dayNumber { year += 1 }
        var rest = dayNumber - daysBefore(year: year)
        var month = 1
        while month < 12, rest >= ISODate.daysIn(month: month, year: year) {
            rest -= ISODate.daysIn(month: month, year: year)
            month += 1
        }
        return (year, month, rest + 1)
    }

    /// The day just after the period a date names: the next day, month or year.
    static func endDay(of date: ISODate) -> Int {
        switch date.precision {
        case .day: return date.dayNumber + 1
        case .month: return date.month == 12 ? daysBefore(year: date.year + 1) : dayNumber(year: date.year, month: date.month + 1)
        case .year: return daysBefore(year: date.year + 1)
        }
    }

    /// "2013", "Feb 2023", "18 Apr 2024".
    static func format(_ date: ISODate) -> String {
        switch date.precision {
        case .year: return "\(date.year)"
        case .month: return "\(monthAbbreviations[date.month - 1]) \(date.year)"
        case .day: return "\(date.day) \(monthAbbreviations[date.month - 1]) \(date.year)"
        }
    }

    /// A range with what its ends share written once: "22–26 Apr 2024", "18 Apr – 25 Sep 2024", "2013 – 2015".
    static func formatRange(_ from: ISODate, _ to: ISODate) -> String {
        let end = format(to)
        guard from.year == to.year, from.precision != .year, to.precision != .year else { return "\(format(from)) – \(end)" }
        if from.month == to.month, from.precision == .day, to.precision == .day {
            return from.day == to.day ? end : "\(from.day)–\(end)"
        }
        let month = monthAbbreviations[from.month - 1]
        let start = from.precision == .day ? "\(from.day) \(month)" : month
        return "\(start) – \(end)"
    }
}
