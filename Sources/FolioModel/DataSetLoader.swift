import Foundation

/// Reads data files into a `DataSet`: YAML and JSON (`tables`, `timelines`, `orgs`, or a list of
/// rows that is one table), and CSV (one table named after the file).
public enum DataSetLoader {
    /// Rows a single table may hold (bounds what input can make us allocate).
    public static let maximumTableRows = 100_000

    /// Loads `paths` in order. YAML and JSON files are rendered as templates first (with `engine`
    /// and `context`, when given); CSV files are data only.
    public static func load(paths: [(path: String, location: SourceLocation)], into data: inout DataSet,
                            engine: TemplateEngine? = nil, context: [String: Any] = [:]) throws {
        for (path, location) in paths {
            try load(text: InputFile.read(path, referencedFrom: location, what: "data file"), path: path, into: &data,
                     engine: engine, context: context)
        }
    }

    /// Merges one data file already read into `text` (CSV by its name, else YAML or JSON, rendered as
    /// a template first when `engine` is given); `path` names it in errors.
    public static func load(text: String, path: String, into data: inout DataSet,
                            engine: TemplateEngine? = nil, context: [String: Any] = [:]) throws {
        var text = text
        data.characters.formUnion(Characters.nonASCII(in: text))
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if path.lowercased().hasSuffix(".csv") {
            try add(try DataCache.csvTable(text, id: id, path: path), to: &data, at: .start(of: path))
        } else {
            if let engine {
                text = try engine.render(TemplateSource(text: text, file: path, line: 1), context: context)
                data.characters.formUnion(Characters.nonASCII(in: text))
            }
            let root = try YAMLParsing.parse(text, file: path)
            if case .sequence = root.node {
                try add(try rowsTable(root, id: id), to: &data, at: root.location)
            } else {
                try merge(root, into: &data)
            }
        }
        data.files.append(path)
    }

    /// The one table of a CSV file, or of a YAML or JSON list of rows (a matrix's `rows:` file).
    public static func table(at path: String, referencedFrom location: SourceLocation) throws -> DataTable {
        let text = try InputFile.read(path, referencedFrom: location, what: "rows file")
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if path.lowercased().hasSuffix(".csv") { return try CSVTable.read(text, id: id, file: path) }
        let root = try YAMLParsing.parse(text, file: path)
        guard case .sequence = root.node else {
            throw root.error("a rows file holds a list of rows, one mapping each", hints: ["- { region: EMEA, manager: Ada }"])
        }
        return try rowsTable(root, id: id)
    }

    static func add(_ table: DataTable, to data: inout DataSet, at location: SourceLocation) throws {
        guard data.tables[table.id] == nil else {
            throw Diagnostic.error(at: location, "table '\(table.id)' is defined twice", hints: ["rename the file or the other table"])
        }
        data.tables[table.id] = table
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
            let cells: [String]
            if case .mapping = row.node {
                // A row written as { column: value }: cells by column name, absent ones empty.
                let named = try row.fields("a row", allowed: columns)
                cells = try columns.map { try named[$0]?.string("a cell") ?? "" }
            } else {
                cells = try row.sequence("a row (a list of cells)").map { try $0.string("a cell") }
            }
            guard cells.count == columns.count else {
                throw row.error("row has \(cells.count) cells but table '\(id)' has \(columns.count) columns")
            }
            return cells
        }
        return DataTable(id: id, title: try fields["title"]?.string(), columns: columns, rows: rows, location: value.location,
                         rowLocations: rowValues.map(\.location))
    }

    /// A YAML or JSON file that is a list of mappings: one table named after the file, its columns
    /// in the order they first appear.
    static func rowsTable(_ root: YAMLValue, id: String) throws -> DataTable {
        let items = try root.sequence("a list of rows")
        guard items.count <= maximumTableRows else {
            throw root.error("'\(id)' has \(items.count) rows; at most \(maximumTableRows) are allowed")
        }
        var columns: [String] = []
        var maps: [[String: String]] = []
        for item in items {
            var row: [String: String] = [:]
            for (key, value) in try item.mapping("a row (a mapping of column names to values)") {
                let name = try key.string("a column name")
                if !columns.contains(name) { columns.append(name) }
                row[name] = value.isNull ? "" : try value.string("a cell (text or a number)")
            }
            maps.append(row)
        }
        guard !columns.isEmpty else { throw root.error("'\(id)' has no columns") }
        return DataTable(id: id, title: nil, columns: columns, rows: maps.map { row in columns.map { row[$0] ?? "" } },
                         location: root.location, rowLocations: items.map(\.location))
    }
}
