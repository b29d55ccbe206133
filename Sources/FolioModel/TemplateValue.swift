import Foundation
import Yams

/// A typed value a template sees: a parameter, a front-matter value, a data cell.
///
/// Plain YAML scalars and CSV cells are read as spreadsheets read them: `10` is a whole number,
/// `2.5` a number, `true`/`false` booleans, anything else (`2025-Q3`, `007`) text.
public indirect enum TemplateValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([TemplateValue])
    /// Keys in the order written.
    case map([TemplateEntry])

    /// A YAML node: plain scalars typed, quoted scalars kept as text.
    public init(yaml node: Node) {
        switch node {
        case .scalar(let scalar):
            self = scalar.style == .plain ? TemplateValue(plain: scalar.string) : .string(scalar.string)
        case .sequence(let items):
            self = .list(items.map { TemplateValue(yaml: $0) })
        case .mapping(let mapping):
            self = .map(mapping.map { TemplateEntry(key: $0.key.string ?? "\($0.key)", value: TemplateValue(yaml: $0.value)) })
        case .alias:
            self = .null
        }
    }

    /// An unquoted scalar from YAML: null, booleans and numbers typed.
    public init(plain text: String) {
        switch text {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE": self = .bool(true)
        case "false", "False", "FALSE": self = .bool(false)
        default: self = TemplateValue(cell: text)
        }
    }

    /// A CSV cell: numbers as numbers (not `007`, which keeps its zeros), everything else text.
    public init(cell text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("-") || trimmed.hasPrefix("+") ? trimmed.dropFirst() : Substring(trimmed)
        let leadingZero = digits.count > 1 && digits.hasPrefix("0") && !digits.hasPrefix("0.")
        if !trimmed.isEmpty, !leadingZero, digits.first?.isNumber == true || digits.first == "." {
            if let int = Int(trimmed) { self = .int(int); return }
            if let double = Double(trimmed), double.isFinite, !trimmed.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }) {
                self = .double(double)
                return
            }
        }
        self = .string(text)
    }

    /// The value as Stencil reads it: `String`, `Int`, `Double`, `Bool`, `[Any]`, `[String: Any]`.
    public var stencilValue: Any {
        switch self {
        case .null: return ""
        case .bool(let value): return value
        case .int(let value): return value
        case .double(let value): return value
        case .string(let value): return value
        case .list(let items): return items.map(\.stencilValue)
        case .map(let entries):
            var dictionary: [String: Any] = [:]
            for entry in entries { dictionary[entry.key] = entry.value.stencilValue }
            return dictionary
        }
    }

    /// Text for output and for fingerprints: numbers as written (`10`, `2.5`), lists and maps in YAML flow style.
    public var description: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return TemplateValue.text(of: value)
        case .string(let value): return value
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries): return "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// `2.5` → "2.5", `3.0` → "3".
    static func text(of value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

/// One key and value of a `TemplateValue.map`.
public struct TemplateEntry: Hashable, Sendable {
    public var key: String
    public var value: TemplateValue

    public init(key: String, value: TemplateValue) {
        self.key = key
        self.value = value
    }
}
