@testable import FolioModel
import FolioTestSupport
import XCTest

/// A whole-table `where` loop served from an earlier report's result must pass the same rows and
/// record the same cell reads (they decide which reports a batch rebuilds).
final class TemplateWhereMemoTests: XCTestCase {
    func table(rows: Int, key: String?) -> DataTable {
        var random = SeededRandom(seed: 5)
        let zones = ["North", "South", "East", "West"]
        var table = DataTable(id: "regions", columns: ["region", "zone", "growth"],
                              rows: (0..<rows).map { ["R\($0)", zones.randomElement(using: &random)!, String(Int.random(in: -10...40, using: &random))] },
                              location: SourceLocation(file: "regions.csv", line: 1, column: 1))
        table.cacheKey = key
        return table
    }

    func testAMemoizedLoopPassesTheSameRowsAndRecordsTheSameReads() throws {
        let data = table(rows: 300, key: "regions.csv#test")
        let memo = TemplateWhereMemo()
        let conditions = [["r.zone", "==", "zone", "and", "r.growth", ">", "20"], ["r.growth", ">", "20", "or", "r.zone", "==", "zone"],
                          ["not", "r.zone", "==", "zone"]]
        for (number, words) in conditions.enumerated() {
            let condition = try XCTUnwrap(TemplateWhere.parse(words))
            for zone in ["North", "East", "North", "Nowhere"] {
                // Straight: a fresh report's table, every row evaluated.
                let straightReads = DataReads()
                let straight = TemplateTable(data, reads: straightReads)
                let compiled = try XCTUnwrap(condition.compiled(for: straight, variable: "r", free: ["zone": zone]))
                let expected = try XCTUnwrap(TemplateWhereTable.filter(straight.rows, table: straight, compiled)).map { ($0 as! TemplateRow).index }
                // Through the memo: the first report with this zone fills it, the next is served.
                let memoReads = DataReads()
                let served = TemplateTable(data, reads: memoReads)
                let key = TemplateWhereMemo.key(condition: number, table: served, free: ["zone": zone])
                let passed = try XCTUnwrap(memo.filter(served.rows, table: served, compiled, key: key)).map { ($0 as! TemplateRow).index }
                XCTAssertEqual(passed, expected, "\(words) with zone \(zone)")
                XCTAssertEqual(memoReads.spec(for: "regions"), straightReads.spec(for: "regions"), "\(words) with zone \(zone)")
            }
        }
    }

    func testOnlyWholeCachedTablesAreMemoized() throws {
        let condition = try XCTUnwrap(TemplateWhere.parse(["r.zone", "==", "zone"]))
        let memo = TemplateWhereMemo()
        let uncached = TemplateTable(table(rows: 20, key: nil), reads: DataReads())
        XCTAssertNil(TemplateWhereMemo.key(condition: 0, table: uncached, free: ["zone": "East"]), "no identity for its contents")
        let cached = TemplateTable(table(rows: 20, key: "k"), reads: DataReads())
        let compiled = try XCTUnwrap(condition.compiled(for: cached, variable: "r", free: ["zone": "East"]))
        let key = TemplateWhereMemo.key(condition: 0, table: cached, free: ["zone": "East"])
        XCTAssertNil(memo.filter(Array(cached.rows.reversed()), table: cached, compiled, key: key), "rows out of order")
        XCTAssertNil(memo.filter(Array(cached.rows.dropFirst()), table: cached, compiled, key: key), "not every row")
        XCTAssertNotNil(memo.filter(cached.rows, table: cached, compiled, key: key))
        XCTAssertNotEqual(key, TemplateWhereMemo.key(condition: 0, table: cached, free: ["zone": "West"]))
        XCTAssertNotEqual(TemplateWhereMemo.key(condition: 0, table: cached, free: ["zone": 1]),
                          TemplateWhereMemo.key(condition: 0, table: cached, free: ["zone": "1"]), "a number is not its text")
    }
}
