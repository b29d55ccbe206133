import Foundation

/// Reads YAML data files (`tables`, `timelines`, `orgs`) into a `DataSet`.
public enum DataSetLoader {
    /// Rows a single table may hold (bounds what input can make us allocate).
    public static let maximumTableRows = 100_000

    public static func load(paths: [(path: String, location: SourceLocation)], into data: inout DataSet) throws {
        for (path, location) in paths {
            try load(text: InputFile.read(path, referencedFrom: location, what: "data file"), path: path, into: &data)
        }
    }

    /// Merges one data file already read into `text`; `path` names it in errors.
    public static func load(text: String, path: String, into data: inout DataSet) throws {
        data.characters.formUnion(Characters.nonASCII(in: text))
        let root = try YAMLParsing.parse(text, file: path)
        try merge(root, into: &data)
        data.files.append(path)
    }

    static func merge(_ root: YAMLValue, into data: inout DataSet) throws {
        let fields = try root.fields("a data file", allowed: ["tables", "timelines", "orgs"])
        if let tables = fields["tables"] {
            for (key, value) in try tables.mapping("the tables") {
                let id = try key.string("a table id")
                if data.tables[id] != nil { throw key.error("table '\(id)' is defined twice") }
                data.tables[id] = try table(id: id, value)
            }
        }
        for (section, store) in [("timelines", \DataSet.timelines), ("orgs", \DataSet.orgs)] {
            guard let specs = fields[section] else { continue }
            for (key, value) in try specs.mapping("the \(section)") {
                let id = try key.string("an id")
                if data[keyPath: store][id] != nil { throw key.error("'\(id)' is defined twice in \(section)") }
                data[keyPath: store][id] = YAMLSpec(id: id, value: value)
            }
        }
    }

    static func table(id: String, _ value: YAMLValue) throws -> DataTable {
        let fields = try value.fields("table '\(id)'", allowed: ["title", "columns", "rows"])
        let columns = try fields.required("columns").sequence("the column names").map { try $0.string("a column name") }
        guard !columns.isEmpty else { throw value.error("table '\(id)' has no columns") }
        let rowValues = try fields["rows"]?.sequence("the rows") ?? []
        guard rowValues.count <= maximumTableRows else {
            throw value.error("table '\(id)' has \(rowValues.count) rows; at most \(maximumTableRows) are allowed")
        }
        let rows = try rowValues.map { row -> [String] in
            let cells = try row.sequence("a row (a list of cells)").map { try $0.string("a cell") }
            guard cells.count == columns.count else {
                throw row.error("row has \(cells.count) cells but table '\(id)' has \(columns.count) columns")
            }
            return cells
        }
        return DataTable(id: id, title: try fields["title"]?.string(), columns: columns, rows: rows, location: value.location)
    }
}
