import FolioTestSupport
import Foundation
import XCTest

/// `folio serve` and `folio preview` are handed to the folio-serve program beside folio
/// (ServerProgram); the commands, their help and their exit statuses must be the same as before.
final class ServerProgramTests: XCTestCase {
    func testHelpListsTheServerCommandsAndTheirOptions() throws {
        let help = try TestSupport.folio(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("serve ") && help.stdout.contains("/healthz"), help.stdout)
        XCTAssertTrue(help.stdout.contains("preview "), help.stdout)
        // The options are folio-serve's, under folio's name.
        for arguments in [["serve", "--help"], ["help", "serve"]] {
            let serve = try TestSupport.folio(arguments)
            XCTAssertEqual(serve.status, 0, "\(arguments)")
            XCTAssertTrue(serve.stdout.contains("USAGE: folio serve") && serve.stdout.contains("--max-body"), "\(arguments): \(serve.stdout)")
        }
        let preview = try TestSupport.folio(["preview", "--help"])
        XCTAssertTrue(preview.stdout.contains("USAGE: folio preview <source>"), preview.stdout)
    }

    func testUsageErrorsKeepTheirStatus() throws {
        let bad = try TestSupport.folio(["serve", "--port", "70000"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--port must be between 0 and 65535"), bad.stderr)
        let unknown = try TestSupport.folio(["preview"])
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
    }

    func testAFolioWithoutFolioServeSaysWhereItLooked() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let lonely = folder.appendingPathComponent("folio").path
        try FileManager.default.copyItem(atPath: TestSupport.folioBinary, toPath: lonely)
        let run = try TestSupport.run([lonely, "serve", "--port", "0"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("folio: error: `folio serve` runs the folio-serve program"), run.stderr)
        XCTAssertTrue(run.stderr.contains(folder.appendingPathComponent("folio-serve").path), "names the places it tried: \(run.stderr)")
        // The other commands do not need it.
        XCTAssertEqual(try TestSupport.run([lonely, "--version"]).status, 0)
    }
}
