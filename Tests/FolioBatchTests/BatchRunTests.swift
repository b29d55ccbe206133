import Foundation
import XCTest
import FolioTestSupport

/// `folio batch` end to end: isolation of failing jobs, safety, incremental re-runs.
final class BatchRunTests: XCTestCase {
    func testBrokenAndEscapingJobsFailAloneAndNothingLandsOutsideOutput() throws {
        let fixture = try BatchFixture(for: self)
        try TestSupport.write("---\ntitle: [unclosed\n---\n\n# Broken\n", to: "docs/broken.md", in: fixture.folder)
        try fixture.simpleBatch(count: 3, extraJobs: """
          - { name: broken, source: docs/broken.md }
          - { name: ../escape, source: docs/doc-01.md }
          - { name: /tmp/absolute, source: docs/doc-01.md }

        """)
        let before = Set(fixture.allFiles())

        let run = try fixture.batch(["--jobs", "2"])

        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertEqual(BatchFixture.names(run, "built "), ["doc-01", "doc-02", "doc-03"])
        XCTAssertEqual(BatchFixture.names(run, "failed "), ["../escape", "/tmp/absolute", "broken"].sorted())
        XCTAssertTrue(run.stderr.contains("docs/broken.md:3:1: error: invalid YAML"), run.stderr)
        XCTAssertTrue(run.stderr.contains("batch.yaml:7:13: error: job name '../escape' would write outside"), run.stderr)
        XCTAssertTrue(run.stdout.contains("3 built, 0 skipped (up to date), 3 failed"), run.stdout)
        let created = Set(fixture.allFiles()).subtracting(before)
        XCTAssertTrue(created.allSatisfy { $0.hasPrefix("out/") }, "\(created)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.folder.deletingLastPathComponent().appendingPathComponent("escape.pdf").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/absolute.pdf"))
        for name in ["doc-01", "doc-02", "doc-03"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("\(name).pdf").path))
        }
    }

    func testSymlinkLeadingOutOfOutputIsThatJobsError() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.simpleBatch(count: 2)
        let outside = try TestSupport.write("precious", to: "precious.txt", in: fixture.folder)
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.output.appendingPathComponent("doc-02.pdf").path,
                                                   withDestinationPath: outside)

        let run = try fixture.batch()

        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(BatchFixture.names(run, "built "), ["doc-01"])
        XCTAssertTrue(run.stderr.contains("is a symbolic link leading outside"), run.stderr)
        XCTAssertEqual(try String(contentsOfFile: outside, encoding: .utf8), "precious")
    }

    func testRerunSkipsEverythingAndRebuildsExactlyTheChangedJob() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.simpleBatch(count: 4)
        XCTAssertEqual(try fixture.batch().status, 0)

        let again = try fixture.batch()
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(BatchFixture.names(again, "skipped "), ["doc-01", "doc-02", "doc-03", "doc-04"])
        XCTAssertTrue(again.stdout.contains("skipped doc-01 (up to date)"))
        XCTAssertEqual(BatchFixture.names(again, "built "), [])

        try fixture.briefing("doc-03", text: "Changed text.")
        let dry = try fixture.batch(["--dry-run"])
        XCTAssertTrue(dry.stdout.contains("would build doc-03 (changed inputs: doc-03.md)"), dry.stdout)
        let changed = try fixture.batch()
        XCTAssertEqual(BatchFixture.names(changed, "built "), ["doc-03"])
        XCTAssertEqual(BatchFixture.names(changed, "skipped ").count, 3)

        // A shared input (the layout) rebuilds every job that uses it; a deleted output rebuilds its job.
        try FileManager.default.removeItem(at: fixture.output.appendingPathComponent("doc-01.pdf"))
        XCTAssertTrue(try fixture.batch(["--dry-run"]).stdout.contains("would build doc-01 (missing outputs: doc-01.pdf)"))
        XCTAssertEqual(BatchFixture.names(try fixture.batch(), "built "), ["doc-01"])
        XCTAssertEqual(BatchFixture.names(try fixture.batch(["--force"]), "built ").count, 4)
    }

    func testSettingsFormatsAndJSONSummary() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.layout()
        try fixture.briefing("a")
        try fixture.config("""
        output: out
        defaults: { formats: [pdf, svg], set: { subtitle: "Default" } }
        jobs:
          - { name: a-pages, source: docs/a.md, formats: [png], png: { dpi: 30 }, set: { subtitle: "Draft: 2" } }
          - { name: a-both, source: docs/a.md }
        """)
        let run = try fixture.batch(["--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = TestSupport.files(in: fixture.output)
        XCTAssertTrue(files.contains("a-pages-001.png"), "\(files)")
        XCTAssertTrue(files.contains("a-both.pdf") && files.contains("a-both-001.svg"), "\(files)")
        let data = try Data(contentsOf: fixture.output.appendingPathComponent("batch-summary.json"))
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(summary["built"] as? Int, 2)
        XCTAssertEqual(summary["failed"] as? Int, 0)

        // Changing a set value rebuilds that job only.
        try fixture.config(try String(contentsOfFile: fixture.folder.appendingPathComponent("batch.yaml").path, encoding: .utf8)
            .replacingOccurrences(of: "Draft: 2", with: "Draft: 3"))
        let rerun = try fixture.batch()
        XCTAssertEqual(BatchFixture.names(rerun, "built "), ["a-pages"])
    }

    func testMatrixExpandsSourcesLayoutsAndSets() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.layout()
        try fixture.briefing("a")
        try fixture.briefing("b")
        try fixture.config("""
        output: out
        matrix:
          name: "{source}-{layout}-{audience}"
          sources: [docs/a.md, docs/b.md]
          layouts: [tiny, landscape]
          sets: [{ subtitle: "For sales", subtitel: x }, { subtitle: "For engineering" }]
        """)
        let check = try TestSupport.folio(["check", "batch.yaml"], in: fixture.folder)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("batch.yaml:6:35: error: unknown front-matter key 'subtitel' in set"), check.stderr)

        try fixture.config("""
        output: out
        matrix:
          name: "{source}-{layout}-{set}"
          sources: [docs/a.md, docs/b.md]
          layouts: [tiny, landscape]
          sets: [{ subtitle: "For sales" }, { subtitle: "For engineering" }]
        """)
        let run = try fixture.batch(["--dry-run"])
        XCTAssertEqual(BatchFixture.names(run, "would build "), [
            "a-landscape-1", "a-landscape-2", "a-tiny-1", "a-tiny-2", "b-landscape-1", "b-landscape-2", "b-tiny-1", "b-tiny-2",
        ])
    }
}
