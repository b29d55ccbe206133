/// An ISO 8601 calendar date that keeps its precision: `2013`, `2023-02` or `2024-04-18`.
public struct ISODate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Precision: Int, Hashable, Sendable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public var year: Int
    public var month: Int
    public var day: Int
    public var precision: Precision

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]

    public init(year: Int, month: Int = 1, day: Int = 1, precision: Precision = .day) {
        self.year = year
        self.month = month
        self.day = day
        self.precision = precision
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (years 1–9999, spaces around allowed); nil when
    /// malformed or impossible. Reads the UTF-8 bytes: a 10,000-row date column parses each x once.
    public init?(parsing text: String) {
        var text = text
        guard let date = text.withUTF8({ ISODate.parse($0) }) else { return nil }
        self = date
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ISODate? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        let length = end - start
        guard length == 4 || length == 7 || length == 10 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<(from + count) {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = digits(start, 4), (1...9999).contains(year) else { return nil }
        var month = 1, day = 1
        if length >= 7 {
            guard bytes[start + 4] == UInt8(ascii: "-"), let value = digits(start + 5, 2) else { return nil }
            month = value
        }
        if length == 10 {
            guard bytes[start + 7] == UInt8(ascii: "-"), let value = digits(start + 8, 2) else { return nil }
            day = value
        }
        guard (1...12).contains(month), day >= 1, day <= ISODate.daysIn(month: month, year: year) else { return nil }
        return ISODate(year: year, month: month, day: day, precision: length == 4 ? .year : length == 7 ? .month : .day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0001-01-01 (proleptic Gregorian), for proportional time scales.
    public var dayNumber: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += ISODate.daysIn(month: m, year: year) }
        return days + day - 1
    }

    public static func < (a: ISODate, b: ISODate) -> Bool { a.dayNumber < b.dayNumber }

    public var description: String {
        let y = String(format4: year)
        switch precision {
        case .year: return y
        case .month: return "\(y)-\(String(format2: month))"
        case .day: return "\(y)-\(String(format2: month))-\(String(format2: day))"
        }
    }

    /// "18 April 2024", "February 2023", "2013".
    public var longDescription: String {
        switch precision {
        case .year: return "\(year)"
        case .month: return "\(ISODate.monthNames[month - 1]) \(year)"
        case .day: return "\(day) \(ISODate.monthNames[month - 1]) \(year)"
        }
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
    init(format4 value: Int) {
        let digits = String(value)
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }

    func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice = slice.dropFirst() }
        while slice.last == character { slice = slice.dropLast() }
        return String(slice)
    }
}
