import Folio
import FolioTestSupport
import Foundation
import XCTest

/// The inputs of the scaling benchmark (Benchmarks/scaling), at small sizes: each renders, exits 0,
/// and its text is in the PDF. Their speed is measured by the benchmark, not here.
final class ScalingInputTests: XCTestCase {
    /// Renders `markdown` (beside `files`) and returns the PDF's text (pdftotext).
    func renderedText(_ markdown: String, files: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let folder = try TestSupport.temporaryFolder(for: self)
        for (name, text) in files { try TestSupport.write(text, to: name, in: folder) }
        let source = try TestSupport.write(markdown, to: "in.md", in: folder)
        let pdf = folder.appendingPathComponent("in.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr, file: file, line: line)
        let text = try TestSupport.run(["pdftotext", "-layout", pdf, "-"])
        XCTAssertEqual(text.status, 0, file: file, line: line)
        return text.stdout
    }

    /// The letters of `text`, without what line breaking adds (hyphens, spaces, newlines).
    func letters(_ text: String) -> String { String(text.filter { $0.isLetter || $0.isNumber }) }

    func testLongTokenRendersWhole() throws {
        let token = String((0..<12_000).map { index in Character(UnicodeScalar(UInt8(97 + index * 7 % 26))) })
        let text = try renderedText("# T\n\n\(token)\n")
        // The token's lines, with the running header and page numbers (other lines) left out.
        let lines = text.split(separator: "\n").map { letters(String($0)) }.filter { $0.count >= 20 && $0.allSatisfy(\.isLowercase) }
        XCTAssertEqual(lines.joined(), token, "every character of the token, in order")
        XCTAssertGreaterThan(lines.count, 100)
    }

    func testLongCodeBlockRendersEveryLine() throws {
        let lines = (0..<3_000).map { "let value\($0) = \($0)" }
        let text = try renderedText("# T\n\n```\n" + lines.joined(separator: "\n") + "\n```\n")
        for index in [0, 1, 1_499, 2_998, 2_999] { XCTAssertTrue(text.contains("let value\(index) = \(index)"), "line \(index)") }
    }

    func testLongParagraphAcrossWindowsKeepsEveryWord() throws {
        let words = (0..<4_000).map { "w\($0)x" }
        let text = try renderedText("# T\n\n" + words.joined(separator: " ") + "\n")
        let found = Set(text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        XCTAssertEqual(words.filter { !found.contains($0) }, [], "words lost or split")
    }

    func testLongHeadingRenders() throws {
        let heading = Array(repeating: "Heading", count: 1_500).joined(separator: " ")
        let text = try renderedText("# \(heading)\n\nBody text.\n")
        XCTAssertTrue(text.contains("Body text."))
        XCTAssertGreaterThan(text.components(separatedBy: "Heading").count, 1_500)
    }

    func testDeepNestingRenders() throws {
        // As deep as Folio allows (48 levels of blocks; a list item is two).
        var lists = ""
        for depth in 0..<20 { lists += String(repeating: "  ", count: depth) + "- item\(depth)\n" }
        let quotes = String(repeating: "> ", count: 40) + "deep quote\n"
        let text = try renderedText("# T\n\n" + lists + "\n" + quotes)
        XCTAssertTrue(letters(text).contains("item19"), "the deepest item")
        XCTAssertTrue(letters(text).contains("deepquote"))
    }

    func testAliasesInADataTableRender() throws {
        let data = "tables:\n  release:\n    columns: [A, B]\n    rows: [&row [a1, b1], *row, [a2, b2]]\n"
        let text = try renderedText("---\ndata: d.yaml\n---\n# T\n\n```table\nuse: release\n```\n", files: ["d.yaml": data])
        XCTAssertTrue(text.contains("a2"), text)
        XCTAssertEqual(text.components(separatedBy: "a1").count - 1, 2, "the aliased row twice")
    }
}
