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
    /// converted only when it names `timelines` or `orgs`.
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
                guard uses.contains(name) else { values[name] = [String: Any](); continue }
                var converted: [String: Any] = [:]
                for (id, spec) in specs { converted[id] = TemplateValue(yaml: spec.value.node).stencilValue }
                values[name] = converted
            }
        }
        // Parameters last: a parameter named like a built-in name wins where it is written bare.
        for (key, value) in paramValues { values[key] = value }
        return values
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
