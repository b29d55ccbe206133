import Foundation
import XCTest
import FolioBatch
import FolioModel
import FolioTestSupport

/// Config errors: each with its position, nothing built; unsafe job names kept as job errors.
final class BatchConfigTests: XCTestCase {
    /// Loads `text` as `batch.yaml` beside the fixture's briefings, returning the error it throws.
    func configError(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Diagnostic {
        let fixture = try BatchFixture(for: self)
        try fixture.layout()
        try fixture.briefing("a")
        let path = try fixture.config(text)
        do {
            _ = try BatchConfigLoader.load(path)
        } catch let diagnostic as Diagnostic {
            XCTAssertEqual(diagnostic.location.file, path, file: file, line: line)
            return diagnostic
        }
        XCTFail("expected a config error", file: file, line: line)
        return Diagnostic.error(at: .start(of: path), "none")
    }

    func testUnknownKeyHasDidYouMean() throws {
        let error = try configError("output: out\njobs:\n  - { name: a, source: docs/a.md, fromats: [pdf] }\n")
        XCTAssertEqual(error.message, "unknown key 'fromats' in a job")
        XCTAssertEqual(error.hints, ["did you mean 'formats'?"])
        XCTAssertEqual([error.location.line, error.location.column], [3, 35])

        let top = try configError("ouput: out\njobs: []\n")
        XCTAssertEqual(top.hints, ["did you mean 'output'?"])
        XCTAssertEqual([top.location.line, top.location.column], [1, 1])
    }

    func testMissingSource() throws {
        let missingKey = try configError("jobs:\n  - name: a\n    formats: [pdf]\n")
        XCTAssertEqual(missingKey.message, "missing required key 'source'")
        XCTAssertEqual(missingKey.location.line, 2)

        let missingFile = try configError("jobs:\n  - name: a\n    source: docs/nothere.md\n")
        XCTAssertTrue(missingFile.message.hasPrefix("briefing '"), missingFile.message)
        XCTAssertTrue(missingFile.message.hasSuffix("docs/nothere.md' does not exist"), missingFile.message)
        XCTAssertEqual([missingFile.location.line, missingFile.location.column], [3, 13])
    }

    func testUnknownLayout() throws {
        let error = try configError("jobs:\n  - { name: a, source: docs/a.md, layout: landscpe }\n")
        XCTAssertEqual(error.message, "unknown layout 'landscpe'")
        XCTAssertEqual(error.hints, ["did you mean 'landscape'?"])
        XCTAssertEqual([error.location.line, error.location.column], [2, 43])

        let beside = try configError("jobs:\n  - { name: a, source: docs/a.md, layout: tiyn }\n")
        XCTAssertEqual(beside.hints, ["did you mean 'tiny'?"])

        let path = try configError("jobs:\n  - { name: a, source: docs/a.md, layout: Layouts/gone.yaml }\n")
        XCTAssertTrue(path.message.hasSuffix("Layouts/gone.yaml' does not exist"), path.message)
    }

    func testBadFormatsAndSettings() throws {
        let format = try configError("defaults: { formats: [pdf, jpg] }\njobs:\n  - { name: a, source: docs/a.md }\n")
        XCTAssertEqual(format.message, "unknown format 'jpg'")
        XCTAssertEqual([format.location.line, format.location.column], [1, 28])

        let empty = try configError("jobs:\n  - { name: a, source: docs/a.md, formats: [] }\n")
        XCTAssertEqual(empty.message, "formats is empty")

        let dpi = try configError("jobs:\n  - { name: a, source: docs/a.md, png: { dpi: 5000 } }\n")
        XCTAssertTrue(dpi.message.hasPrefix("dpi must be between 10 and 1200"), dpi.message)

        let set = try configError("jobs:\n  - { name: a, source: docs/a.md, set: { subtitel: x } }\n")
        XCTAssertEqual(set.hints, ["did you mean 'subtitle'?"])

        let charts = try configError("jobs:\n  - { name: a, source: docs/a.md, charts: some }\n")
        XCTAssertEqual(charts.message, "expected 'all' or a list of chart ids, found 'some'")
    }

    func testDuplicateNamesAndEmptyConfigs() throws {
        let duplicate = try configError("jobs:\n  - { name: a, source: docs/a.md }\n  - { name: a, source: docs/a.md }\n")
        XCTAssertEqual(duplicate.message, "duplicate job name 'a'")
        XCTAssertEqual(duplicate.location.line, 3)

        let none = try configError("output: out\n")
        XCTAssertEqual(none.message, "the batch config has no jobs")

        let template = try configError("matrix: { name: \"{source}-{lyout}\", sources: [docs/a.md] }\n")
        XCTAssertEqual(template.hints, ["did you mean 'layout'?"])
    }

    func testUnsafeNamesAreJobProblemsNotConfigErrors() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.layout()
        try fixture.briefing("a")
        let path = try fixture.config("""
        jobs:
          - { name: ok.v2, source: docs/a.md }
          - { name: ../up, source: docs/a.md }
          - { name: .hidden, source: docs/a.md }
          - { name: "with space", source: docs/a.md }
        """)
        let config = try BatchConfigLoader.load(path)
        XCTAssertEqual(config.jobs.map { $0.problem == nil }, [true, false, false, false])
        XCTAssertEqual(config.jobs[1].problem?.location.line, 3)
        XCTAssertEqual(config.output, fixture.folder.appendingPathComponent("Output").path)
    }

    func testCheckCommandReportsConfigErrorsWithPositions() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.layout()
        try fixture.briefing("a")
        try fixture.config("jobs:\n  - { name: a, source: docs/a.md, formats: [pdf, gif] }\n")
        let run = try TestSupport.folio(["check", "batch.yaml"], in: fixture.folder)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("batch.yaml:2:50: error: unknown format 'gif'"), run.stderr)

        let batch = try fixture.batch()
        XCTAssertEqual(batch.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("Output").path))
    }
}
