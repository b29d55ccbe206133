import FolioBatch
import FolioModel
import FolioTestSupport
import XCTest

/// `BatchConfigLoader.load(text:path:)` (the fuzzers' entry) resolves paths from `path`'s folder.
final class BatchConfigTextTests: XCTestCase {
    func testConfigFromTextResolvesSourcesBesideItsPath() throws {
        let path = TestSupport.repoRoot.appendingPathComponent("not-on-disk.yaml").path
        let text = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("reports.yaml"), encoding: .utf8)
        let config = try BatchConfigLoader.load(text: text, path: path)
        XCTAssertEqual(config.jobs.map(\.name), ["llama-briefing", "llama-landscape", "llama-charts"])
        XCTAssertEqual(config.jobs.first?.source, TestSupport.sampleBriefing)
    }

    func testConfigFromTextNamesItsPathInErrors() throws {
        let path = TestSupport.repoRoot.appendingPathComponent("not-on-disk.yaml").path
        XCTAssertThrowsError(try BatchConfigLoader.load(text: "output: out\njobs: []\n", path: path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.location.file, path)
        }
    }
}
