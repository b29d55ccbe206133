import FolioDisplay
@testable import FolioLayout
import XCTest

/// Wrapped code lines carry a muted continuation mark and start under their line's indent.
final class CodeBlockWrapTests: LayoutTestCase {
    func testWrappedCodeLinesCarryAMarkAndKeepTheirIndent() throws {
        let long = "    if [ -f settings.yaml ]; then " + (0..<30).map { "word\($0)" }.joined(separator: " ") + "; fi"
        let document = try self.document("# Code\n\n```sh\nshort line\n\(long)\n```\n")
        let items = (1...document.pageCount).flatMap { texts(document.page($0)) }
        let marks = items.filter { $0.line.text == BlockFlow.continuationMark + " " }
        XCTAssertGreaterThan(marks.count, 0, "a wrapped line shows continuation marks")
        let short = try XCTUnwrap(items.first { $0.line.text == "short line" })
        let first = try XCTUnwrap(items.first { $0.line.text.hasPrefix("    if") })
        for mark in marks {
            XCTAssertGreaterThan(mark.origin.x, short.origin.x + 1, "the mark sits at the line's indent")
            XCTAssertNotEqual(mark.line.spans.first?.style.color, first.line.spans.first?.style.color, "the mark is muted")
            let continuation = try XCTUnwrap(items.first { $0.origin.y == mark.origin.y && $0.line.text != mark.line.text })
            XCTAssertGreaterThan(continuation.origin.x, mark.origin.x)
        }
        let shown = items.filter { $0.line.text != BlockFlow.continuationMark + " " }.map(\.line.text).joined(separator: " ")
        for index in 0..<30 { XCTAssertTrue(shown.contains("word\(index)"), "word\(index) kept") }
    }
}
