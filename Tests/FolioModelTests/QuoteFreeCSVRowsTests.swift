import CSV
@testable import FolioModel
import FolioTestSupport
import XCTest

/// A CSV text without quotes is cut at its bytes (`QuoteFreeCSVRows`): the rows must be CSV.swift's.
final class QuoteFreeCSVRowsTests: XCTestCase {
    /// Rows of both readers, to the end.
    private func rows(_ source: some CSVRowSource) -> [[String]] {
        var rows: [[String]] = []
        while let row = source.next() { rows.append(row) }
        XCTAssertNil(source.error)
        return rows
    }

    func testRowsEqualCSVSwiftsOnRandomTexts() throws {
        var random = SeededRandom(seed: 14)
        // Line ends of every kind, empty cells and lines, spaces, and characters of 1 to 4 UTF-8 bytes.
        let pieces = [",", ",", "\n", "\r\n", "\r", "\r\r\n", "\n\n", " ", "\t", "a", "7", "-1.5", "é", "字", "👩🏽‍💻", "\u{301}", "x y"]
        for round in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let fast = try XCTUnwrap(QuoteFreeCSVRows(text), "round \(round): the text has no quote")
            let library = try CSVReader(string: text, hasHeaderRow: false)
            XCTAssertEqual(rows(fast), rows(library), "round \(round): \(text.debugDescription)")
        }
    }

    func testEdgesOfTheText() throws {
        let cases: [(String, [[String]])] = [
            ("", []),
            ("a", [["a"]]),
            ("a,", [["a", ""]]),
            (",", [["", ""]]),
            ("a\r", [["a"]]),
            ("\n", [[""]]),
            ("a,b\r\nc,d\n\ne", [["a", "b"], ["c", "d"], [""], ["e"]]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(rows(try XCTUnwrap(QuoteFreeCSVRows(text))), expected, text.debugDescription)
        }
    }

    func testATextWithAQuoteGoesToCSVSwift() throws {
        XCTAssertNil(QuoteFreeCSVRows("a,b\n\"x,y\",2\n"))
        XCTAssertNil(QuoteFreeCSVRows("name\nsay \"hi\"\n"), "a quote inside a cell too")
        // Read whole, the quoted cell keeps its comma and line end.
        let table = try CSVTable.read("a,b\n\"x,\ny\",2\n3,4\n", id: "t", file: "t.csv")
        XCTAssertEqual(table.rows, [["x,\ny", "2"], ["3", "4"]])
        XCTAssertEqual(table.rowLocations.map(\.line), [2, 4])
    }
}
