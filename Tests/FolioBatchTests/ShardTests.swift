import Foundation
import XCTest
import FolioBatch
import FolioTestSupport

/// `--shard K/N`: parts are deterministic and together cover every job exactly once.
final class ShardTests: XCTestCase {
    func testParsing() {
        XCTAssertEqual(Shard(parsing: "2/3"), Shard(index: 2, count: 3))
        XCTAssertEqual(Shard(parsing: "1/1"), Shard(index: 1, count: 1))
        for bad in ["0/3", "4/3", "x", "1/0", "1", "1/2/3", "-1/3", "", "/3"] {
            XCTAssertNil(Shard(parsing: bad), bad)
        }
    }

    func testPartsCoverEveryNameExactlyOnce() {
        let names = (1...500).map { "report-\($0)" }
        for count in 1...7 {
            let parts = (1...count).map { index in names.filter { Shard(index: index, count: count).contains($0) } }
            XCTAssertEqual(parts.flatMap { $0 }.sorted(), names.sorted())
            if count > 1 { XCTAssertTrue(parts.allSatisfy { $0.count > 500 / count / 2 }, "\(parts.map(\.count))") }
        }
    }

    func testShardRunsTogetherBuildEachJobOnce() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.simpleBatch(count: 7)
        var built: [String] = []
        for index in 1...3 {
            let run = try fixture.batch(["--shard", "\(index)/3", "--jobs", "1"])
            XCTAssertEqual(run.status, 0, run.stderr)
            built += BatchFixture.names(run, "built ")
            XCTAssertEqual(BatchFixture.names(run, "skipped "), [], "a shard sees only its own jobs")
        }
        XCTAssertEqual(built.sorted(), (1...7).map { String(format: "doc-%02d", $0) })
        XCTAssertEqual(BatchFixture.names(try fixture.batch(), "skipped ").count, 7)
    }

    func testBadShardIsAUsageError() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.simpleBatch(count: 1)
        for bad in ["0/3", "4/3", "x"] {
            let run = try fixture.batch(["--shard", bad])
            XCTAssertEqual(run.status, 2, bad)
            XCTAssertTrue(run.stderr.contains("--shard expects K/N"), run.stderr)
        }
    }
}
