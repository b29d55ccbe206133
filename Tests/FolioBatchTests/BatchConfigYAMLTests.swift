import Foundation
import XCTest
import FolioBatch
import FolioModel
import FolioTestSupport

/// YAML mistakes in a batch config at their exact line and column.
final class BatchConfigYAMLTests: XCTestCase {
    func configError(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Diagnostic? {
        let fixture = try BatchFixture(for: self)
        try fixture.briefing("a")
        let path = try fixture.config(text)
        do {
            _ = try BatchConfigLoader.load(path)
            XCTFail("expected a config error", file: file, line: line)
        } catch let diagnostic as Diagnostic {
            XCTAssertEqual(diagnostic.location.file, path, file: file, line: line)
            return diagnostic
        }
        return nil
    }

    func testSyntaxErrorInABatchConfigAtLineAndColumn() throws {
        let bracket = try configError("output: out\njobs:\n  - { name: a, source: docs/a.md\n  - { name: b, source: docs/a.md }\n")
        XCTAssertEqual(bracket.map { [$0.location.line, $0.location.column] }, [4, 5])
        XCTAssertTrue(bracket?.message.hasPrefix("invalid YAML") == true, bracket?.message ?? "")
        let indentation = try configError("output: out\njobs:\n  - name: a\n     source: docs/a.md\n")
        XCTAssertEqual(indentation.map { [$0.location.line, $0.location.column] }, [4, 12])
        let quote = try configError("output: out\njobs:\n  - { name: \"a, source: docs/a.md }\n")
        XCTAssertEqual(quote.map { [$0.location.line, $0.location.column] }, [3, 13])
    }

    func testDuplicateKeyInABatchConfigAtTheSecondKey() throws {
        let error = try configError("output: out\njobs: []\noutput: other\n")
        XCTAssertEqual(error.map { [$0.location.line, $0.location.column] }, [3, 1])
        XCTAssertEqual(error?.message, "duplicate key 'output'")
    }
}
