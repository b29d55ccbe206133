import CSV

/// Where `CSVTable` takes its rows from: CSV.swift's reader, or `QuoteFreeCSVRows`.
protocol CSVRowSource: AnyObject {
    /// The next row's cells, or nil at the end (or on an error).
    func next() -> [String]?
    /// What stopped the rows early, if anything.
    var error: Error? { get }
    /// About how many rows are left (0: unknown), to reserve room for them.
    var expectedRows: Int { get }
}

extension CSVReader: CSVRowSource {
    var expectedRows: Int { 0 }
}

/// The rows of a CSV text that has not a single `"`, cut at its bytes: cells end at commas, rows at
/// LF, CR LF or a lone CR, exactly as CSV.swift reads such a text (`QuoteFreeCSVRowsTests` compares
/// the two on random texts). Without quotes no cell can hold a comma or a line end, so nothing else
/// can happen; any text with a quote goes to CSV.swift. CSV.swift builds each cell one Unicode scalar
/// at a time through a type-erased iterator, about 60 ns a byte: two thirds of a 10,000-point
/// chart's run went to reading its 130 KB of CSV.
final class QuoteFreeCSVRows: CSVRowSource {
    private let bytes: [UInt8]
    private var offset = 0
    let error: Error? = nil
    /// The line feeds in the text, plus one.
    let expectedRows: Int

    /// nil when `text` has a quote (read it with CSV.swift).
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        // One pass: a quote sends the text to CSV.swift; line feeds count the rows.
        var lineFeeds = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { return nil }
            if byte == 0x0A { lineFeeds += 1 }
        }
        self.bytes = bytes
        expectedRows = lineFeeds + 1
    }

    func next() -> [String]? {
        guard offset < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var row: [String] = []
            var start = offset
            var index = offset
            // Cells are cut at ASCII bytes only, so each is whole UTF-8 of the (valid) text.
            func cell(to end: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self) }
            while index < buffer.count {
                switch buffer[index] {
                case UInt8(ascii: ","):
                    row.append(cell(to: index))
                    start = index + 1
                case 0x0A, 0x0D:
                    row.append(cell(to: index))
                    let isCR = buffer[index] == 0x0D
                    index += 1
                    if isCR, index < buffer.count, buffer[index] == 0x0A { index += 1 }
                    offset = index
                    return row
                default:
                    break
                }
                index += 1
            }
            row.append(cell(to: buffer.count))
            offset = buffer.count
            return row
        }
    }
}
