import Foundation
import XCTest
import FolioTestSupport

/// A batch never lets one output replace another, reports a `set:` value's error where the
/// config writes it, and reports write errors at the job's line naming the output path.
final class BatchOutputTests: XCTestCase {
    /// A briefing with one inline timeline (chart id `timeline-1`).
    func chartBriefing(_ fixture: BatchFixture) throws {
        try fixture.layout()
        try fixture.briefing("a", text: "```timeline\nevents:\n  - { date: 2024-01, label: Start }\n  - { date: 2024-06, label: End }\n```\n")
    }

    func testJobsWritingTheSameFileNameAreAnErrorAtBothJobsAndNothingIsBuilt() throws {
        let fixture = try BatchFixture(for: self)
        try chartBriefing(fixture)
        try fixture.config("""
        output: out
        jobs:
          - { name: a, source: docs/a.md, charts: all, formats: [pdf] }
          - { name: a-timeline-1, source: docs/a.md }
        """)
        let run = try fixture.batch()
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        XCTAssertEqual(errors.count, 2, run.stderr)
        XCTAssertTrue(errors[0].hasPrefix("batch.yaml:3:"), run.stderr)
        XCTAssertTrue(errors[1].hasPrefix("batch.yaml:4:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("'a-timeline-1.pdf'"), run.stderr)
        XCTAssertEqual(TestSupport.files(in: fixture.output).filter { !$0.hasPrefix(".") }, [], "something was built")

        let check = try TestSupport.folio(["check", "batch.yaml"], in: fixture.folder)
        XCTAssertEqual(check.status, 1, check.stdout)
        XCTAssertTrue(check.stderr.contains("both write 'a-timeline-1.pdf'"), check.stderr)
    }

    func testPagesOfOneJobAndChartsOfAnotherWithAPrefixNameDoNotCollide() throws {
        let fixture = try BatchFixture(for: self)
        try chartBriefing(fixture)
        try fixture.config("""
        output: out
        jobs:
          - { name: p, source: docs/a.md, formats: [png] }
          - { name: p-timeline, source: docs/a.md, charts: all, formats: [png] }
        """)
        // Job `p-timeline` writes p-timeline-timeline-1.png, job `p` writes p-001.png …: different names.
        let run = try fixture.batch()
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains("both write"), run.stderr)
    }

    func testBadSetValueIsReportedAtTheConfigLine() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.layout()
        try fixture.briefing("a")
        try fixture.config("""
        output: out
        jobs:
          - name: a
            source: docs/a.md
            set: { date: 1e999 }
        """)
        let run = try fixture.batch()
        XCTAssertEqual(run.status, 1, run.stdout)
        XCTAssertTrue(run.stderr.contains("batch.yaml:5:18: error: '1e999' is not a valid date"), run.stderr)
        XCTAssertFalse(run.stderr.contains("<--set"), run.stderr)
    }

    func testFullDiskInABatchIsReportedAtTheJobNamingTheOutput() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.layout()
        try fixture.briefing("a", text: String(repeating: "Words to fill the page and more. ", count: 400))
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        let mount = try TestSupport.run(["mount", "-t", "tmpfs", "-o", "size=24k", "tmpfs", fixture.output.path])
        guard mount.status == 0 else { throw XCTSkip("cannot mount a tmpfs here (needs root): \(mount.stderr)") }
        defer { _ = try? TestSupport.run(["umount", fixture.output.path]) }
        try fixture.config("output: out\njobs:\n  - { name: a, source: docs/a.md }\n")
        let run = try fixture.batch()
        XCTAssertEqual(run.status, 1, run.stdout)
        XCTAssertTrue(run.stderr.contains("batch.yaml:3:13: error: cannot write '"), run.stderr)
        XCTAssertTrue(run.stderr.contains("a.pdf': No space left on device"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("a.pdf").path))
        XCTAssertEqual(TestSupport.files(in: fixture.output).filter { $0.contains(".tmp-") }, [])
    }
}
