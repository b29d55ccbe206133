import FolioTestSupport
import Foundation
import XCTest

/// `folio check`: the whole pipeline short of writing, every error it can find (up to 20).
final class CheckTests: XCTestCase {
    func errorLines(_ run: TestSupport.Run) -> [String] {
        run.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
    }

    func testCheckReportsEveryErrorNotJustTheFirst() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write("""
        timelines:
          t:
            lanez: [A]
            events:
              - { date: 2024-13, label: Bad }
              - { date: 2024-01, label: Good }
        """, to: "d.yaml", in: folder)
        try TestSupport.write("""
        ---
        title: K
        date: 2024-13-45
        data: d.yaml
        ---
        # K

        ```timeline
        use: nope
        ```

        ![img](missing.png)

        ```timeline
        use: t
        ```

        ```orgchart
        use: whatever
        ```
        """, to: "k.md", in: folder)
        let run = try TestSupport.folio(["check", "k.md"], in: folder)
        XCTAssertEqual(run.status, 1, run.stdout)
        let errors = errorLines(run)
        let expected = ["k.md:3:7: error: '2024-13-45' is not a valid date", "k.md:9:6: error: no timeline 'nope'",
                        "d.yaml:3:5: error: unknown key 'lanez'", "d.yaml:5:17: error: invalid date '2024-13'",
                        "k.md:19:6: error: "]
        for prefix in expected {
            XCTAssertTrue(errors.contains { $0.hasPrefix(prefix) || $0.hasPrefix("./" + prefix) }, "missing \(prefix) in\n\(run.stderr)")
        }
        XCTAssertEqual(errors.count, expected.count, run.stderr)
        // A missing image is a warning, reported with the errors.
        XCTAssertTrue(run.stderr.contains("k.md:12:1: warning: image 'missing.png' does not exist"), run.stderr)
        XCTAssertEqual(TestSupport.files(in: folder), ["d.yaml", "k.md"], "check wrote something")
    }

    func testCheckStopsAfterTwentyErrorsWithANote() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let images = (1...25).map { "```timeline\nuse: missing-\($0)\n```\n" }.joined(separator: "\n")
        try TestSupport.write("# Many\n\n" + images, to: "many.md", in: folder)
        let run = try TestSupport.folio(["check", "many.md"], in: folder)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(errorLines(run).count, 20, run.stderr)
        XCTAssertTrue(run.stderr.contains("stopped after 20 errors"), run.stderr)
    }

    func testCheckOfAGoodBriefingCountsItsPages() throws {
        let run = try TestSupport.folio(["check", TestSupport.sampleBriefing])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains(": ok (9 pages)"), run.stdout) // 10 before figures floated
    }

    func testCheckConfigReportsEveryFailingJobAtItsLine() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write("# Fine\n\nText.\n", to: "fine.md", in: folder)
        try TestSupport.write("# Broken\n\n```timeline\nuse: gone\n```\n", to: "broken.md", in: folder)
        try TestSupport.write("""
        output: out
        jobs:
          - { name: good, source: fine.md }
          - { name: dated, source: fine.md, set: { date: 1e999 } }
          - { name: broken, source: broken.md }
          - { name: charts, source: fine.md, charts: all }
        """, to: "batch.yaml", in: folder)
        let run = try TestSupport.folio(["check", "batch.yaml"], in: folder)
        XCTAssertEqual(run.status, 1, run.stdout)
        let errors = errorLines(run)
        XCTAssertTrue(errors.contains { $0.hasPrefix("batch.yaml:4:") && $0.contains("'1e999' is not a valid date") }, run.stderr)
        XCTAssertTrue(errors.contains { $0.hasPrefix("batch.yaml:4:") && $0.contains("job 'dated' would fail") }, run.stderr)
        XCTAssertTrue(errors.contains { $0.contains("broken.md:4:6: error: no timeline 'gone'") }, run.stderr)
        XCTAssertTrue(errors.contains { $0.hasPrefix("batch.yaml:5:") && $0.contains("job 'broken' would fail") }, run.stderr)
        XCTAssertTrue(errors.contains { $0.contains("has no charts to export") }, run.stderr)
        XCTAssertTrue(errors.contains { $0.hasPrefix("batch.yaml:6:") && $0.contains("job 'charts' would fail") }, run.stderr)
        XCTAssertFalse(errors.contains { $0.contains("'good'") }, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
