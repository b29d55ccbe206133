import Foundation
/// A `table` fence: `use: ID` with optional `where:`, `columns:`, `sort:` and `caption:`.
///
/// ```table
/// use: kpis
/// where: { region: "{{ region }}" }   # keep the rows whose columns equal these values
/// columns: [metric, value, change]    # pick and order columns
/// sort: -value                        # by a column; '-' for largest first; or a list of columns
/// ```
enum TableFence {
    static let keys = ["use", "caption", "where", "columns", "sort", "id"]

    static func read(_ body: String, bodyLocation: SourceLocation, data: DataSet) throws -> TableBlock {
        let value = try YAMLParsing.parse(body, file: bodyLocation.file, lineOffset: bodyLocation.line - 1)
        let fields = try value.fields("a table fence", allowed: keys)
        let use = try fields.required("use")
        let id = try use.string("a table id")
        guard let table = data.tables[id] else {
            throw use.error("no table '\(id)' in the data files", hints: Suggestions.hint(for: id, in: Array(data.tables.keys)))
        }
        let reads = data.reads.table(id, columns: table.columns, rows: table.rows.count)
        var kept = Array(table.rows.indices)
        reads.counted = true
        if let filter = fields["where"] { kept = try table.rows(kept, where: filter, reads: data.reads) }
        if let sort = fields["sort"] {
            let keys = try sort.sequence("a column name or a list of them", allowSingle: true).map { item -> (Int, Bool) in
                let text = try item.string("a column name")
                let descending = text.hasPrefix("-")
                return (try table.columnIndex(item, descending ? String(text.dropFirst()) : text), descending)
            }
            for (column, _) in keys { for row in kept { reads.read(row: row, column: column) } }
            kept = kept.sorted { a, b in
                for (column, descending) in keys {
                    let order = compare(table.rows[a][column], table.rows[b][column])
                    if order != 0 { return descending ? order > 0 : order < 0 }
                }
                return a < b
            }
        }
        var picked = Array(table.columns.indices)
        if let columns = fields["columns"] {
            picked = try columns.sequence("a list of column names").map { try table.columnIndex($0, try $0.string("a column name")) }
            guard !picked.isEmpty else { throw columns.error("the list of columns is empty") }
        }
        for column in picked { for row in kept { reads.read(row: row, column: column) } }
        let rows = kept.map { table.rows[$0] }
        let numeric = picked.map { column in !rows.isEmpty && rows.allSatisfy { isNumber($0[column]) } }
        return TableBlock(header: picked.map { [.text(table.columns[$0])] },
                          rows: rows.map { row in picked.map { [.text(row[$0])] } },
                          alignments: numeric.map { $0 ? .right : .left },
                          caption: try fields["caption"]?.string() ?? table.title,
                          id: try fields["id"]?.string("a table id"))
    }

    /// Equal as text, or as numbers (`10` matches `10.0`).
    static func matches(_ cell: String, _ wanted: String) -> Bool {
        if cell == wanted { return true }
        if let a = Double(cell.trimmingCharacters(in: .whitespaces)), let b = Double(wanted.trimmingCharacters(in: .whitespaces)) { return a == b }
        return false
    }

    static func isNumber(_ text: String) -> Bool {
        switch TemplateValue(cell: text) {
        case .int, .double: return true
        default: return false
        }
    }

    /// Numbers by value, before text; text by code points.
    static func compare(_ a: String, _ b: String) -> Int {
        let x = Double(a.trimmingCharacters(in: .whitespaces)), y = Double(b.trimmingCharacters(in: .whitespaces))
        switch (x, y) {
        case let (x?, y?): return x < y ? -1 : x > y ? 1 : 0
        case (.some, nil): return -1
        case (nil, .some): return 1
        default: return a < b ? -1 : a > b ? 1 : 0
        }
    }
}
