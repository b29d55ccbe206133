/// The cells of data tables one load read (by templates and table fences), so a batch can rebuild
/// only the reports whose cells changed: a report is a function of the cells it read.
public final class DataReads: @unchecked Sendable {
    /// One table's reads: a flag per column and row (cheap enough to set on every template lookup).
    final class TableReads {
        let columns: [String]
        var bits: [[Bool]]
        var counted = false

        init(columns: [String], rows: Int) {
            self.columns = columns
            bits = Array(repeating: Array(repeating: false, count: rows), count: columns.count)
        }

        func read(row: Int, column: Int) {
            bits[column][row] = true
            counted = true
        }
    }

    private var tables: [String: TableReads] = [:]

    public init() {}

    /// The reads of table `id` (made on first use).
    func table(_ id: String, columns: [String], rows: Int) -> TableReads {
        if let known = tables[id] { return known }
        let made = TableReads(columns: columns, rows: rows)
        tables[id] = made
        return made
    }

    /// Marks `table` as counted: how many rows it has shows in the output.
    func count(_ table: DataTable) { self.table(table.id, columns: table.columns, rows: table.rows.count).counted = true }

    /// Marks every row of column `column` of `table` as read.
    func readColumn(_ column: Int, of table: DataTable) {
        let reads = self.table(table.id, columns: table.columns, rows: table.rows.count)
        for row in table.rows.indices { reads.read(row: row, column: column) }
    }

    /// The cells read from `table`, as `column=0-4,7;…` (columns sorted), or nil when none were
    /// (and the table was not iterated or counted).
    public func spec(for table: String) -> String? {
        guard let reads = tables[table], reads.counted else { return nil }
        var parts: [(String, String)] = []
        for (index, column) in reads.columns.enumerated() {
            let rows = reads.bits[index].indices.filter { reads.bits[index][$0] }
            if !rows.isEmpty { parts.append((column, Self.ranges(rows))) }
        }
        return parts.sorted { $0.0 < $1.0 }.map { $0.0.addingPercentEscapes + "=" + $0.1 }.joined(separator: ";")
    }

    /// Sorted rows `[0, 1, 2, 5]` → `0-2,5`.
    static func ranges(_ rows: [Int]) -> String {
        var parts: [String] = []
        var start: Int?, previous = -2
        for row in rows {
            if row != previous + 1 {
                if let start { parts.append(start == previous ? "\(start)" : "\(start)-\(previous)") }
                start = row
            }
            previous = row
        }
        if let start { parts.append(start == previous ? "\(start)" : "\(start)-\(previous)") }
        return parts.joined(separator: ",")
    }

    /// The rows of a `ranges` text.
    public static func rows(in text: Substring) -> [Int] {
        text.split(separator: ",").flatMap { part -> [Int] in
            let bounds = part.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] - bounds[0] < 10_000_000 { return Array(bounds[0]...bounds[1]) }
            return bounds.count == 1 ? bounds : []
        }
    }
}

extension String {
    /// `;`, `=`, `%` and `?` escaped, so a column name cannot break a cell spec.
    var addingPercentEscapes: String {
        var result = ""
        for character in self {
            switch character {
            case "%": result += "%25"
            case ";": result += "%3B"
            case "=": result += "%3D"
            case "?": result += "%3F"
            default: result.append(character)
            }
        }
        return result
    }
}
