import CSV
import Foundation

/// Reads a CSV file into a table with yaslab/CSV.swift: the first row names the columns; quoted
/// fields (commas, quotes, newlines), a byte-order mark and CRLF line ends read as spreadsheets write them.
enum CSVTable {
    static func read(_ text: String, id: String, file: String) throws -> DataTable {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw Diagnostic.error(at: .start(of: file), "cannot read the CSV header row",
                                   hints: ["the first row names the columns: region,revenue,margin"])
        }
        let columns = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !columns.isEmpty, !columns.allSatisfy(\.isEmpty) else {
            throw Diagnostic.error(at: .start(of: file), "the CSV file has no columns",
                                   hints: ["the first row names the columns: region,revenue,margin"])
        }
        var seen: Set<String> = []
        for (index, column) in columns.enumerated() {
            guard !column.isEmpty else {
                throw Diagnostic.error(at: SourceLocation(file: file, line: 1, column: 1), "column \(index + 1) of the CSV header has no name")
            }
            guard seen.insert(column).inserted else {
                throw Diagnostic.error(at: SourceLocation(file: file, line: 1, column: 1), "column '\(column)' appears twice in the CSV header")
            }
        }
        var rows: [[String]] = []
        var locations: [SourceLocation] = []
        var line = 2
        while let row = reader.next() {
            if row.count == 1, row[0].isEmpty { line += 1; continue } // a blank line
            guard row.count == columns.count else {
                throw Diagnostic.error(at: SourceLocation(file: file, line: line, column: 1),
                                       "row has \(row.count) cells but the header names \(columns.count) columns")
            }
            guard rows.count < DataSetLoader.maximumTableRows else {
                throw Diagnostic.error(at: SourceLocation(file: file, line: line, column: 1),
                                       "more than \(DataSetLoader.maximumTableRows) rows in one table")
            }
            rows.append(row)
            locations.append(SourceLocation(file: file, line: line, column: 1))
            // Lines inside quoted cells: one per LF byte (a CR LF is one line end, and an LF is never
            // part of another character).
            line += 1 + row.reduce(0) { count, cell in count + cell.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        }
        if let error = reader.error {
            throw Diagnostic.error(at: SourceLocation(file: file, line: line, column: 1), "cannot read the CSV file: \(error)")
        }
        return DataTable(id: id, title: nil, columns: columns, rows: rows, location: .start(of: file), rowLocations: locations)
    }
}
