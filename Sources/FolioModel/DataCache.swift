import Foundation

/// CSV tables and their typed cells, kept for the process and keyed by path and content, so the
/// jobs of a batch that all read one CSV parse and type it once.
enum DataCache {
    nonisolated(unsafe) private static var tables: [String: DataTable] = [:]
    nonisolated(unsafe) private static var typed: [String: [[Any]]] = [:]
    private static let lock = NSLock()

    /// A key for `text` read from `path`.
    static func key(path: String, text: String) -> String {
        var hasher = Hasher()
        hasher.combine(text)
        return "\(path)|\(text.utf8.count)|\(hasher.finalize())"
    }

    /// The table of a CSV `text`, parsed once per content.
    static func csvTable(_ text: String, id: String, path: String) throws -> DataTable {
        let key = key(path: path, text: text)
        lock.lock()
        if let known = tables[key] { lock.unlock(); return known }
        lock.unlock()
        var table = try CSVTable.read(text, id: id, file: path)
        table.csvFile = path
        table.cacheKey = key
        lock.lock()
        if tables.count > 64 { tables.removeAll(); typed.removeAll() }
        tables[key] = table
        lock.unlock()
        return table
    }

    /// The table's cells typed for templates, computed once per cached table.
    static func typedCells(of table: DataTable) -> [[Any]] {
        let make = { table.rows.map { $0.map { TemplateValue(cell: $0).stencilValue } } }
        guard let key = table.cacheKey else { return make() }
        lock.lock()
        if let known = typed[key] { lock.unlock(); return known }
        lock.unlock()
        let cells = make()
        lock.lock()
        typed[key] = cells
        lock.unlock()
        return cells
    }
}
