/// Running header/footer templates: `{title}`, `{subtitle}`, `{date}`, `{section}`, `{page}`, `{pages}`.
public enum Template {
    public static let fields = ["title", "subtitle", "date", "section", "page", "pages"]

    /// Replaces each `{field}` with its value; unknown fields were refused when the layout was read.
    public static func expand(_ template: String, values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    static func validate(_ template: String, at value: YAMLValue) throws {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw value.error("unclosed '{' in template '\(template)'")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard fields.contains(name) else {
                throw value.error("unknown template field '{\(name)}'", hints: Suggestions.hint(for: name, in: fields))
            }
            rest = rest[rest.index(after: close)...]
        }
    }
}
