import Foundation
import FolioModel

/// Fingerprints of the cells of a CSV file a build read: `cells:/abs/data.csv?region=0-29;revenue=4`.
///
/// A report built from one region's rows depends on those rows (and on the column its `where`
/// scanned), so changing another region's row leaves it up to date.
enum CellFingerprint {
    static let prefix = "cells:"

    /// Parsed tables, one per file and run (batch jobs share them).
    nonisolated(unsafe) private static var tables: [String: DataTable?] = [:]
    private static let lock = NSLock()

    static func hash(_ input: String) -> String {
        let body = input.dropFirst(prefix.count)
        guard let mark = body.lastIndex(of: "?") else { return InputFingerprints.absent }
        let path = String(body[..<mark])
        guard let table = table(at: path) else { return InputFingerprints.absent }
        var hash = ContentHash()
        hash.add("rows=\(table.rows.count)")
        for part in body[body.index(after: mark)...].split(separator: ";") {
            guard let equals = part.lastIndex(of: "=") else { continue }
            let name = String(part[..<equals]).removingPercentEncoding ?? String(part[..<equals])
            let column = table.columns.firstIndex(of: name)
            hash.add("column=\(name)")
            for row in DataReads.rows(in: part[part.index(after: equals)...]) {
                if let column, row < table.rows.count { hash.add(table.rows[row][column]) } else { hash.add("\u{0}missing") }
            }
        }
        return hash.hex
    }

    static func table(at path: String) -> DataTable? {
        lock.lock()
        if let known = tables[path] { lock.unlock(); return known }
        lock.unlock()
        let table = try? DataSetLoader.table(at: path, referencedFrom: .start(of: path))
        lock.lock()
        tables[path] = table
        lock.unlock()
        return table
    }
}
