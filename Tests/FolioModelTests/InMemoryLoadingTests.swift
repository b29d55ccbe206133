import FolioModel
import FolioTestSupport
import XCTest

/// The loaders' text entry points (used by the fuzzers in Fuzz/) behave as loading the same file.
final class InMemoryLoadingTests: XCTestCase {
    func testBriefingFromTextEqualsBriefingFromFile() throws {
        let path = TestSupport.sampleBriefing
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let fromFile = try BriefingLoader.load(path: path)
        let fromText = try BriefingLoader.load(text: text, path: path)
        XCTAssertEqual(fromText.metadata.title, fromFile.metadata.title)
        XCTAssertEqual(fromText.blocks.count, fromFile.blocks.count)
        XCTAssertEqual(fromText.data.files, fromFile.data.files)
        XCTAssertEqual(fromText.data.tables.keys.sorted(), fromFile.data.tables.keys.sorted())
        XCTAssertEqual(fromText.characters, fromFile.characters)
    }

    func testBriefingTextResolvesDataBesideItsPathAndNamesItInErrors() throws {
        let path = TestSupport.repoRoot.appendingPathComponent("Assets/briefings/not-on-disk.md").path
        let briefing = try BriefingLoader.load(text: "---\ndata: llama-data.yaml\n---\n# T\n", path: path)
        XCTAssertFalse(briefing.data.tables.isEmpty)
        XCTAssertThrowsError(try BriefingLoader.load(text: "---\ndate: 2024-13-45\n---\n# T\n", path: path)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.location.file, path)
            XCTAssertEqual(diagnostic?.location.line, 2)
        }
    }

    func testDataFileFromTextMergesAndPositionsErrors() throws {
        var data = DataSet()
        try DataSetLoader.load(text: "tables:\n  t: { columns: [a, b], rows: [[1, 2]] }\n", path: "mem.yaml", into: &data)
        XCTAssertEqual(data.tables["t"]?.rows, [["1", "2"]])
        XCTAssertEqual(data.files, ["mem.yaml"])
        XCTAssertThrowsError(try DataSetLoader.load(text: "tables:\n  t: { columns: [a], rows: [[1, 2]] }\n",
                                                    path: "bad.yaml", into: &data)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.location.file, "bad.yaml")
            XCTAssertEqual(diagnostic?.location.line, 2)
        }
    }
}
