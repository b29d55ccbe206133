/// What a briefing's templates see: every parameter by name and as `params`, `page` (the front
/// matter), `tables.ID` (rows of named values), `timelines.ID` and `orgs.ID`.
public struct TemplateContext {
    public var params: [TemplateEntry] = []
    public var page: [TemplateEntry] = []
    public var data: DataSet?

    public init(params: [TemplateEntry] = [], page: [TemplateEntry] = [], data: DataSet? = nil) {
        self.params = params
        self.page = page
        self.data = data
    }

    /// The dictionary Stencil renders with. `uses` is the text about to be rendered: charts are
    /// converted only when it names `timelines` or `orgs` (`mentions`).
    public func values(for uses: String = "") -> [String: Any] {
        var values: [String: Any] = [:]
        var paramValues: [String: Any] = [:]
        for entry in params { paramValues[entry.key] = entry.value.stencilValue }
        values["params"] = paramValues
        values["page"] = TemplateValue.map(page).stencilValue
        if let data {
            var tables: [String: TemplateTable] = [:]
            for (id, table) in data.tables { tables[id] = TemplateTable(table, reads: data.reads) }
            values["tables"] = TemplateTables(tables)
            for (name, specs) in [("timelines", data.timelines), ("orgs", data.orgs)] {
                guard Self.mentions(name, in: uses) else { values[name] = [String: Any](); continue }
                var converted: [String: Any] = [:]
                for (id, spec) in specs { converted[id] = TemplateValue(yaml: spec.value.node).stencilValue }
                values[name] = converted
            }
        }
        // Parameters last: a parameter named like a built-in name wins where it is written bare.
        for (key, value) in paramValues { values[key] = value }
        return values
    }

    /// Whether `text` holds `word`: a byte search (Foundation's `contains` compares characters,
    /// and took 40 ms over a long body; the standard library's `firstRange` took ten times that).
    static func mentions(_ word: String, in text: String) -> Bool {
        let needle = Array(word.utf8)
        guard let first = needle.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return true }
                index += 1
            }
            return false
        }
    }

    /// `value.bit` as Stencil reads it (for "did you mean" after a lookup failed).
    static func member(_ bit: String, of value: Any?) -> Any? {
        if let row = value as? TemplateRow { return row[dynamicMember: bit] }
        if let tables = value as? TemplateTables { return tables.rows(of: bit) }
        if let dictionary = value as? [String: Any] { return bit == "count" ? dictionary.count : dictionary[bit] }
        if let array = value as? [Any] {
            if let index = Int(bit) { return index >= 0 && index < array.count ? array[index] : nil }
            switch bit {
            case "first": return array.first
            case "last": return array.last
            case "count": return array.count
            default: return nil
            }
        }
        return nil
    }

    /// The names `value` has, for hints.
    static func members(of value: Any?) -> [String] {
        if let row = value as? TemplateRow { return row.table.columns }
        if let tables = value as? TemplateTables { return tables.ids }
        if let dictionary = value as? [String: Any] { return dictionary.keys.sorted() }
        if value is [Any] { return ["first", "last", "count"] }
        return []
    }
}
