@testable import FolioModel
import FolioTestSupport
import XCTest

/// A long CSV file without quotes is read in two halves at once: the table (rows and the line of
/// each) and every error (message and position) must be what reading it whole gives.
final class CSVSplitReadTests: XCTestCase {
    func testSplitReadEqualsWholeReadOnRandomFiles() throws {
        var random = SeededRandom(seed: 61)
        var split = 0
        for round in 0..<40 {
            let columns = Int.random(in: 1...4, using: &random)
            let lineEnd = Bool.random(using: &random) ? "\n" : "\r\n"
            var text = (Bool.random(using: &random) ? "\u{FEFF}" : "") + (0..<columns).map { "c\($0)" }.joined(separator: ",") + lineEnd
            let rows = Int.random(in: 5_000...12_000, using: &random)
            for row in 0..<rows {
                if Int.random(in: 0..<500, using: &random) == 0 { text += lineEnd; continue } // a blank line
                var count = columns
                // A few files have one row with a cell too many or too few, anywhere.
                if round % 4 == 3, Int.random(in: 0..<rows, using: &random) == 0 { count += Bool.random(using: &random) ? 1 : -1 }
                text += (0..<max(1, count)).map { _ in
                    Int.random(in: 0..<10, using: &random) == 0 ? "é \(row)" : String(Double(Int.random(in: -99_999...99_999, using: &random)) / 100)
                }.joined(separator: ",") + lineEnd
            }
            if CSVTable.SecondHalf.splitPoint(of: text) != nil { split += 1 }
            let whole = Result { try CSVTable.read(text, id: "t", file: "t.csv", splits: false) }
            let halves = Result { try CSVTable.read(text, id: "t", file: "t.csv") }
            switch (whole, halves) {
            case (.success(let a), .success(let b)):
                XCTAssertEqual(a.rows.count, b.rows.count, "round \(round)")
                var differs: Int?
                for index in 0..<min(a.rows.count, b.rows.count) where a.rows[index] != b.rows[index] || a.rowLocations[index] != b.rowLocations[index] {
                    differs = index
                    break
                }
                XCTAssertTrue(a == b, "round \(round): the tables differ from row \(differs ?? -1) on")
                XCTAssertEqual(b.rows.count, b.rowLocations.count)
            case (.failure(let a), .failure(let b)):
                XCTAssertEqual("\(a)", "\(b)", "round \(round): the same error at the same place")
            default:
                XCTFail("round \(round): whole \(whole), halves \(halves)")
            }
        }
        XCTAssertGreaterThan(split, 30, "most of these files are long enough to split")
    }

    func testFilesWithQuotesOrShortOnesAreReadWhole() {
        let long = "a,b\n" + String(repeating: "1,2\n", count: 40_000)
        XCTAssertNotNil(CSVTable.SecondHalf.splitPoint(of: long))
        XCTAssertNil(CSVTable.SecondHalf.splitPoint(of: long + "\"x\n\",3\n"), "a quote anywhere: read whole")
        XCTAssertNil(CSVTable.SecondHalf.splitPoint(of: "a,b\n1,2\n"), "short: read whole")
        // Where the halves meet: just after a line end, and the second half's first line number.
        let point = CSVTable.SecondHalf.splitPoint(of: long)!
        XCTAssertEqual(long.utf8[long.utf8.index(before: point.index)], 0x0A)
        XCTAssertEqual(point.line, long[..<point.index].filter { $0 == "\n" }.count + 1)
    }

    func testRowLimitIsReportedAtTheFirstRowOverIt() throws {
        let limit = DataSetLoader.maximumTableRows
        let text = "n\n" + (0...limit).map { "\($0)\n" }.joined()
        XCTAssertNotNil(CSVTable.SecondHalf.splitPoint(of: text))
        for splits in [false, true] {
            XCTAssertThrowsError(try CSVTable.read(text, id: "t", file: "t.csv", splits: splits)) { error in
                XCTAssertEqual("\(error)", "t.csv:\(limit + 2):1: error: more than \(limit) rows in one table")
            }
        }
    }
}
