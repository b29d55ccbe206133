import Foundation
@preconcurrency import Stencil

/// Filters for reports, formatting for the briefing's `lang`: `number`, `percent`, `currency`,
/// `date`, and `sum`, `average`, `min`, `max`, `count`, `sort`, `column` over rows.
///
/// ```
/// {{ 1234567.891|number:2 }}            1,234,567.89   (de: 1.234.567,89)
/// {{ 0.125|percent:1 }}                 12.5%
/// {{ 1250|currency:"EUR" }}             €1,250.00
/// {{ "2025-11-01"|date }}               November 1, 2025  ("2025-11-01"|date:"short": 11/1/25)
/// {{ tables.kpis|sum:"revenue" }}       the column's total; average, min, max alike
/// {{ tables.kpis|sort:"-revenue" }}     rows by revenue, largest first
/// ```
final class TemplateFilters {
    /// Stencil's own filters, which stay available.
    static let stencilNames = ["default", "capitalize", "uppercase", "lowercase", "join", "split", "indent", "filter"]

    let lang: String
    let locale: Locale
    let extensionValue = Extension()
    private(set) var names: [String] = []

    /// Formatters by language and options, shared by every load of the process (creating one loads
    /// ICU data, which costs more than a whole template); used under the lock (they are not thread-safe).
    nonisolated(unsafe) private static var formatters: [String: NumberFormatter] = [:]
    nonisolated(unsafe) private static var dateFormatters: [String: DateFormatter] = [:]
    private static let lock = NSLock()

    init(lang: String) {
        self.lang = lang
        locale = Locale(identifier: lang.replacingOccurrences(of: "-", with: "_"))
        register("number") { [unowned self] value, arguments in
            let number = try Self.number(value, filter: "number")
            let decimals = try Self.decimals(arguments.first, default: number == number.rounded() ? 0 : 2, filter: "number")
            return self.format(number, style: .decimal, decimals: decimals)
        }
        register("percent") { [unowned self] value, arguments in
            let number = try Self.number(value, filter: "percent")
            return self.format(number, style: .percent, decimals: try Self.decimals(arguments.first, default: 0, filter: "percent"))
        }
        register("currency") { [unowned self] value, arguments in
            let number = try Self.number(value, filter: "currency")
            let code = arguments.first.flatMap { $0 as? String } ?? "USD"
            guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw TemplateSyntaxError("'currency' takes a three-letter currency code such as \"EUR\"")
            }
            let decimals = try arguments.count > 1 ? Self.decimals(arguments[1], default: 2, filter: "currency") : -1
            return self.format(number, style: .currency, decimals: decimals, code: code.uppercased())
        }
        register("date") { [unowned self] value, arguments in
            let text = stringValue(value)
            guard let date = ISODate(parsing: text) else {
                throw TemplateSyntaxError("'date' expects a date such as 2025-11-01, found '\(text)'")
            }
            let style = arguments.first.flatMap { $0 as? String } ?? "long"
            guard style == "long" || style == "short" else { throw TemplateSyntaxError("'date' takes \"long\" or \"short\", found '\(style)'") }
            return self.format(date, long: style == "long")
        }
        register("sum") { value, arguments in try Self.numbers(value, arguments, "sum").reduce(0, +) }
        register("average") { value, arguments in
            let numbers = try Self.numbers(value, arguments, "average")
            return numbers.isEmpty ? 0 : numbers.reduce(0, +) / Double(numbers.count)
        }
        register("min") { value, arguments in try Self.numbers(value, arguments, "min").min() ?? 0 }
        register("max") { value, arguments in try Self.numbers(value, arguments, "max").max() ?? 0 }
        register("count") { value, _ in
            if let array = value as? [Any] {
                if let row = array.first as? TemplateRow { row.table.reads.counted = true }
                return array.count
            }
            if let dictionary = value as? [String: Any] { return dictionary.count }
            return stringValue(value).count
        }
        register("column") { value, arguments in
            guard let column = arguments.first.flatMap({ $0 as? String }) else { throw TemplateSyntaxError("'column' takes a column name") }
            return try Self.rows(value, "column").map { try Self.cell($0, column, "column") }
        }
        register("sort") { value, arguments in
            var key = arguments.first.flatMap { $0 as? String }
            let descending = key?.hasPrefix("-") ?? false
            if descending { key = key.map { String($0.dropFirst()) } }
            let items = try Self.rows(value, "sort")
            let keyed = try items.map { item -> (Any, Any) in (item, try key.map { try Self.cell(item, $0, "sort") } ?? item) }
            let sorted = keyed.enumerated().sorted { a, b in
                let order = Self.compare(a.element.1, b.element.1)
                return order == 0 ? a.offset < b.offset : (descending ? order > 0 : order < 0)
            }
            return sorted.map { $0.element.0 }
        }
    }

    var `extension`: Extension { extensionValue }

    private func register(_ name: String, _ body: @escaping (Any?, [Any?]) throws -> Any?) {
        names.append(name)
        extensionValue.registerFilter(name) { value, arguments in try body(value, arguments) }
    }

    // MARK: Formatting

    func format(_ number: Double, style: NumberFormatter.Style, decimals: Int, code: String? = nil) -> String {
        let key = "\(lang)|\(style.rawValue)|\(decimals)|\(code ?? "")"
        Self.lock.lock()
        defer { Self.lock.unlock() }
        let formatter: NumberFormatter
        if let known = Self.formatters[key] {
            formatter = known
        } else {
            formatter = NumberFormatter()
            formatter.locale = locale
            formatter.numberStyle = style
            if let code { formatter.currencyCode = code }
            if decimals >= 0 {
                formatter.minimumFractionDigits = decimals
                formatter.maximumFractionDigits = decimals
            }
            formatter.usesGroupingSeparator = true
            Self.formatters[key] = formatter
        }
        // Rounded here too: Foundation on Linux does not always apply maximumFractionDigits.
        var rounded = number
        if decimals >= 0 {
            let scale = pow(10, Double(decimals + (style == .percent ? 2 : 0)))
            if (number * scale).magnitude < 1e15 { rounded = (number * scale).rounded(.toNearestOrAwayFromZero) / scale }
        }
        return formatter.string(from: NSNumber(value: rounded)) ?? String(rounded)
    }

    func format(_ date: ISODate, long: Bool) -> String {
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let value = calendar.date(from: components) else { return date.description }
        let key = "\(lang)|\(date.precision.rawValue)|\(long)"
        Self.lock.lock()
        defer { Self.lock.unlock() }
        let formatter: DateFormatter
        if let known = Self.dateFormatters[key] {
            formatter = known
        } else {
            formatter = DateFormatter()
            formatter.locale = locale
            formatter.calendar = calendar
            formatter.timeZone = calendar.timeZone
            switch date.precision {
            case .year: formatter.setLocalizedDateFormatFromTemplate("y")
            case .month: formatter.setLocalizedDateFormatFromTemplate(long ? "MMMMy" : "MMy")
            case .day:
                formatter.dateStyle = long ? .long : .short
                formatter.timeStyle = .none
            }
            Self.dateFormatters[key] = formatter
        }
        return formatter.string(from: value)
    }

    // MARK: Values

    static func number(_ value: Any?, filter: String) throws -> Double {
        switch value {
        case let int as Int: return Double(int)
        case let double as Double: return double
        case let float as Float: return Double(float)
        case let text as String:
            if let number = Double(text.trimmingCharacters(in: .whitespaces)) { return number }
            throw TemplateSyntaxError("'\(filter)' expects a number, found '\(text)'")
        default:
            throw TemplateSyntaxError("'\(filter)' expects a number, found \(stringValue(value).isEmpty ? "nothing" : "'\(stringValue(value))'")")
        }
    }

    static func decimals(_ value: Any??, default fallback: Int, filter: String) throws -> Int {
        guard let value = value ?? nil else { return fallback }
        guard let number = try? Self.number(value, filter: filter), number >= 0, number <= 12, number == number.rounded() else {
            throw TemplateSyntaxError("'\(filter)' takes a number of decimals from 0 to 12, found '\(stringValue(value))'")
        }
        return Int(number)
    }

    static func rows(_ value: Any?, _ filter: String) throws -> [Any] {
        guard let array = value as? [Any] else { throw TemplateSyntaxError("'\(filter)' expects a list such as tables.ID") }
        return array
    }

    static func cell(_ row: Any, _ column: String, _ filter: String) throws -> Any {
        if let row = row as? TemplateRow {
            guard let cell = row[dynamicMember: column] else {
                throw TemplateSyntaxError(reason: "'\(filter)': the rows have no column '\(column)'"
                    + (Suggestions.closest(to: column, in: row.table.columns).map { "\u{1}did you mean '\($0)'?" } ?? ""))
            }
            return cell
        }
        guard let dictionary = row as? [String: Any] else { throw TemplateSyntaxError("'\(filter)' with a column expects rows") }
        guard let cell = dictionary[column] else {
            throw TemplateSyntaxError(reason: "'\(filter)': the rows have no column '\(column)'"
                + (Suggestions.closest(to: column, in: Array(dictionary.keys)).map { "\u{1}did you mean '\($0)'?" } ?? ""))
        }
        return cell
    }

    /// The numbers of a list, or of one column of its rows.
    static func numbers(_ value: Any?, _ arguments: [Any?], _ filter: String) throws -> [Double] {
        let column = arguments.first.flatMap { $0 as? String }
        return try rows(value, filter).map { item in
            try number(column.map { try cell(item, $0, filter) } ?? item, filter: filter)
        }
    }

    /// Numbers before text; numbers by value, text by code points (deterministic in every locale).
    static func compare(_ a: Any, _ b: Any) -> Int {
        let x = try? number(a, filter: ""), y = try? number(b, filter: "")
        switch (x, y) {
        case let (x?, y?): return x < y ? -1 : x > y ? 1 : 0
        case (.some, nil): return -1
        case (nil, .some): return 1
        default:
            let s = stringValue(a), t = stringValue(b)
            return s < t ? -1 : s > t ? 1 : 0
        }
    }
}

/// A value as text, the way Stencil prints it (whole doubles without `.0`).
func stringValue(_ value: Any?) -> String {
    switch value {
    case nil: return ""
    case let text as String: return text
    case let double as Double: return TemplateValue.text(of: double)
    case let some?: return "\(some)"
    }
}
