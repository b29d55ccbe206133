import Foundation

/// The rows of a whole table that pass a loop's compiled `where`, kept for the next report that
/// loops over the same table with the same values: a batch of 1,000 reports, each listing the peers
/// of its zone, scans the 1,000 rows once per zone rather than once per report.
///
/// A report's cell reads decide when the batch rebuilds it (`DataReads`), so each entry keeps the
/// cells its evaluation read, and a report served from it has exactly those reads recorded.
/// Thread-safe: batch workers share an engine.
final class TemplateWhereMemo {
    struct Entry {
        let rows: [Int]
        /// The cells read, as the rows read in each column.
        let reads: [(column: Int, rows: [Int])]
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()
    static let limit = 256

    /// The key of condition number `condition` over `table` with the loop's other values `free`,
    /// or nil when the table's contents have no identity (it is not from the data cache).
    static func key(condition: Int, table: TemplateTable, free: [String: Any]) -> String? {
        guard let contents = table.cacheKey else { return nil }
        let values = free.keys.sorted().map { name in "\(name)=\(type(of: free[name]!)):\(String(describing: free[name]!))" }
        return "\(condition)\u{0}\(contents)\u{0}" + values.joined(separator: "\u{0}")
    }

    /// The items that pass, when `items` are all of `table`'s rows in order (a loop over the whole
    /// table) and `key` is known or can be made; nil to leave the loop to the general path.
    func filter(_ items: [Any], table: TemplateTable, _ condition: TemplateRowCondition, key: String?) -> [Any]? {
        guard let key, items.count == table.cells.count, Self.areAllRows(items, of: table) else { return nil }
        lock.lock()
        let known = entries[key]
        lock.unlock()
        let entry = known ?? Self.evaluate(condition, over: table)
        if known == nil {
            lock.lock()
            if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
            lock.unlock()
        }
        for (column, rows) in entry.reads {
            for row in rows { table.reads.read(row: row, column: column) }
        }
        return entry.rows.map { items[$0] }
    }

    /// Whether item *i* is row *i* of `table`, for every *i*.
    static func areAllRows(_ items: [Any], of table: TemplateTable) -> Bool {
        for (position, item) in items.enumerated() {
            guard let row = item as? TemplateRow, row.table === table, row.index == position else { return false }
        }
        return true
    }

    /// `condition` over every row of `table`, its reads taken on a recorder of its own.
    static func evaluate(_ condition: TemplateRowCondition, over table: TemplateTable) -> Entry {
        let reads = DataReads.TableReads(columns: table.columns, rows: table.cells.count)
        let rows = table.cells.indices.filter { condition.passes($0, in: table, reads: reads) }
        let read = reads.bits.enumerated().compactMap { column, bits -> (column: Int, rows: [Int])? in
            let rows = bits.indices.filter { bits[$0] }
            return rows.isEmpty ? nil : (column, rows)
        }
        return Entry(rows: rows, reads: read)
    }
}
