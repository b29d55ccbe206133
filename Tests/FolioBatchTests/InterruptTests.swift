import Foundation
import XCTest
import FolioTestSupport

/// A batch killed mid-run leaves every output whole or absent, and the next run completes it.
final class InterruptTests: XCTestCase {
    func testKilledBatchLeavesNoPartialFilesAndRerunCompletes() throws {
        let fixture = try BatchFixture(for: self)
        try fixture.simpleBatch(count: 30)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.folioBinary)
        process.arguments = ["batch", "batch.yaml", "--jobs", "2"]
        process.currentDirectoryURL = fixture.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill once a few outputs exist (or after 5 s at most), in the middle of writing others.
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, pdfs(in: fixture.output).count < 4 { usleep(5_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        let written = pdfs(in: fixture.output)
        XCTAssertLessThan(written.count, 30, "the batch finished before it was killed")
        for name in written {
            let data = try Data(contentsOf: fixture.output.appendingPathComponent(name))
            XCTAssertTrue(String(decoding: data.suffix(32), as: UTF8.self).contains("%%EOF"), "\(name) is partial")
        }
        // Temporaries of the killed run are hidden, never under an output's name.
        let visible = TestSupport.files(in: fixture.output).filter { !$0.hasPrefix(".") }
        XCTAssertTrue(visible.allSatisfy { $0.hasSuffix(".pdf") }, "\(visible)")

        let rerun = try fixture.batch()
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(BatchFixture.names(rerun, "built ").count + BatchFixture.names(rerun, "skipped ").count, 30)
        XCTAssertEqual(pdfs(in: fixture.output).count, 30)
        let leftovers = fixture.allFiles().filter { $0.contains(".tmp-") || $0.contains(".folio-staging") }
        XCTAssertEqual(leftovers, [], "temporaries of the killed run are swept up")
    }

    /// Starts `folio batch` on 30 jobs and waits until a few outputs exist.
    func startBatch(_ fixture: BatchFixture) throws -> Process {
        try fixture.simpleBatch(count: 30)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.folioBinary)
        process.arguments = ["batch", "batch.yaml", "--jobs", "2"]
        process.currentDirectoryURL = fixture.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, pdfs(in: fixture.output).count < 3 { usleep(5_000) }
        return process
    }

    func assertNoTemporaries(_ fixture: BatchFixture, file: StaticString = #filePath, line: UInt = #line) {
        let leftovers = fixture.allFiles().filter { $0.contains(".tmp-") || $0.contains(".folio-staging") }
        XCTAssertEqual(leftovers, [], "temporaries left behind", file: file, line: line)
    }

    func testSIGINTStopsAfterTheRunningJobsAndExits130() throws {
        let fixture = try BatchFixture(for: self)
        let process = try startBatch(fixture)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertLessThan(pdfs(in: fixture.output).count, 30, "the batch did not stop")
        for name in pdfs(in: fixture.output) {
            let data = try Data(contentsOf: fixture.output.appendingPathComponent(name))
            XCTAssertTrue(String(decoding: data.suffix(32), as: UTF8.self).contains("%%EOF"), "\(name) is partial")
        }
        assertNoTemporaries(fixture)
    }

    func testSecondSIGTERMQuitsAtOnceAndRemovesTemporaries() throws {
        let fixture = try BatchFixture(for: self)
        let process = try startBatch(fixture)
        kill(process.processIdentifier, SIGTERM)
        usleep(1_000)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        assertNoTemporaries(fixture)
    }

    func pdfs(in folder: URL) -> [String] {
        TestSupport.files(in: folder).filter { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") }
    }
}
