/// The cells of data tables one load read (by templates and table fences), so a batch can rebuild
/// only the reports whose cells changed: a report is a function of the cells it read.
public final class DataReads: @unchecked Sendable {
    /// Table id → column → rows read.
    public private(set) var cells: [String: [String: Set<Int>]] = [:]
    /// Tables whose number of rows the load depends on (it iterated or counted them).
    public private(set) var counted: Set<String> = []

    public init() {}

    func read(table: String, row: Int, column: String) {
        cells[table, default: [:]][column, default: []].insert(row)
        counted.insert(table)
    }

    func readColumn(table: String, column: String, rows: Range<Int>) {
        cells[table, default: [:]][column, default: []].formUnion(rows)
        counted.insert(table)
    }

    func count(table: String) { counted.insert(table) }

    /// The cells read from `table`, as `column=0-4,7;…` (columns sorted), or nil when none were.
    public func spec(for table: String) -> String? {
        guard counted.contains(table) || cells[table] != nil else { return nil }
        let columns = (cells[table] ?? [:]).sorted { $0.key < $1.key }.map { column, rows in
            column.addingPercentEscapes + "=" + Self.ranges(rows)
        }
        return columns.joined(separator: ";")
    }

    /// `[0, 1, 2, 5]` → `0-2,5`.
    static func ranges(_ rows: Set<Int>) -> String {
        var parts: [String] = []
        var start: Int?, previous = -2
        for row in rows.sorted() {
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
