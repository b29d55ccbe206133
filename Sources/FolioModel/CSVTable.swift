import CSV
import Foundation

/// Reads a CSV file into a table with yaslab/CSV.swift: the first row names the columns; quoted
/// fields (commas, quotes, newlines), a byte-order mark and CRLF line ends read as spreadsheets write them.
enum CSVTable {
    /// `splits`: whether a long file may be read in two halves at once (off only to compare).
    static func read(_ text: String, id: String, file: String, splits: Bool = true) throws -> DataTable {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // A long file without quotes is read in two halves at once, split at a line end (see `SecondHalf`).
        let split = splits ? SecondHalf.splitPoint(of: text) : nil
        let rest = split.map { split in
            let second = String(text[split.index...])
            return ThreadResult(stackSize: 1 << 20) {
                try readRows(rowSource(second), columns: nil, firstLine: split.line, file: file)
            }
        }
        if let split { text = String(text[..<split.index]) }
        let reader = try rowSource(text)
        guard let header = reader.next() else {
            throw Diagnostic.error(at: .start(of: file), "cannot read the CSV header row",
                                   hints: ["the first row names the columns: region,revenue,margin"])
        }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
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
        var (rows, locations, line) = try readRows(reader, columns: columns.count, firstLine: 2, file: file)
        if let rest {
            let (restRows, restLocations, _) = try rest.wait()
            // The second half's rows are checked here, in order, after the first half's.
            for (row, location) in zip(restRows, restLocations) where row.count != columns.count {
                throw Diagnostic.error(at: location, "row has \(row.count) cells but the header names \(columns.count) columns")
            }
            rows += restRows
            locations += restLocations
            if rows.count > DataSetLoader.maximumTableRows {
                line = locations[DataSetLoader.maximumTableRows].line
                throw Diagnostic.error(at: SourceLocation(file: file, line: line, column: 1),
                                       "more than \(DataSetLoader.maximumTableRows) rows in one table")
            }
        }
        return DataTable(id: id, title: nil, columns: columns, rows: rows, location: .start(of: file), rowLocations: locations)
    }

    /// The rows of `text`: cut at its bytes when it has no quote, else read by CSV.swift.
    static func rowSource(_ text: String) throws -> any CSVRowSource {
        if let rows = QuoteFreeCSVRows(text) { return rows }
        return try CSVReader(string: text, hasHeaderRow: false)
    }

    /// The rows of `reader` from line `firstLine` on, each with its line, and the line after them.
    /// `columns`: the cells each row must have (nil: checked by the caller).
    static func readRows(_ reader: some CSVRowSource, columns: Int?, firstLine: Int, file: String) throws
        -> (rows: [[String]], locations: [SourceLocation], nextLine: Int) {
        var rows: [[String]] = []
        var locations: [SourceLocation] = []
        let expected = min(reader.expectedRows, DataSetLoader.maximumTableRows)
        rows.reserveCapacity(expected)
        locations.reserveCapacity(expected)
        var line = firstLine
        while let row = reader.next() {
            if row.count == 1, row[0].isEmpty { line += 1; continue } // a blank line
            if let columns, row.count != columns {
                throw Diagnostic.error(at: SourceLocation(file: file, line: line, column: 1),
                                       "row has \(row.count) cells but the header names \(columns) columns")
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
        return (rows, locations, line)
    }

    /// Where a long CSV file is cut to be read in two halves at once (the second on a `ThreadResult`).
    ///
    /// Only a file without a single `"` is split: every LF then ends a row, so the halves are read
    /// exactly as the whole would be (a quote, even a stray one inside a cell, could open a
    /// quoted cell that runs over line ends). The halves meet at the first LF after the middle.
    enum SecondHalf {
        /// Files shorter than this are read whole (a thread costs more than it saves).
        static let minimumBytes = 64 << 10

        /// Where the second half starts (just after an LF past the middle) and its first line number,
        /// or nil to read the file whole.
        static func splitPoint(of text: String) -> (index: String.Index, line: Int)? {
            guard text.utf8.count >= minimumBytes else { return nil }
            var contiguous = text
            // Bytes scanned with memchr: a generic scan of the UTF-8 view cost a millisecond here.
            guard let (offset, lines) = contiguous.withUTF8({ bytes -> (Int, Int)? in
                guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "\"")), bytes.count) == nil,
                      let lineEnd = memchr(base + bytes.count / 2, 0x0A, bytes.count - bytes.count / 2) else { return nil }
                let start = base.distance(to: lineEnd.assumingMemoryBound(to: UInt8.self)) + 1
                guard start < bytes.count else { return nil }
                var lines = 0, from = UnsafeRawPointer(base)
                let end = UnsafeRawPointer(base + start)
                while from < end, let found = memchr(from, 0x0A, from.distance(to: end)) {
                    lines += 1
                    from = UnsafeRawPointer(found) + 1
                }
                return (start, lines)
            }) else { return nil }
            return (text.utf8.index(text.utf8.startIndex, offsetBy: offset), lines + 1)
        }
    }
}
