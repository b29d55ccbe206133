@testable import Folio
@testable import FolioCairo
import FolioTestSupport
import Foundation
import XCTest

/// Consecutive plain lines in one font and colour are drawn with one Cairo call (`ItemPainter.drawBatch`):
/// the PDF must be byte for byte the one drawn a line at a time.
final class TextBatchTests: XCTestCase {
    func testLinesDrawnTogetherMakeTheSamePDF() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let code = (0..<400).map { "    let value\($0) = compute(\($0)) // line \($0)" }.joined(separator: "\n")
        let source = try TestSupport.write("""
            ---
            title: Lines
            date: 2024-05-01
            ---

            # Lines

            Prose with *emphasis*, `code`, a [link](https://example.org) and ﬁ ligatures: office, affine.

            ```
            \(code)
            ```

            | Region | Sales |
            |---|---:|
            | North | 1,200 |
            | South | 900 |

            ```swift
            let answer = 42 // highlighted: several colours on one line
            ```

            # \(String(repeating: "Heading ", count: 2_500))

            A heading taller than a page is drawn on each page it spans, clipped to it: its lines
            off the page must not reach the PDF.
            """, to: "lines.md", in: folder)
        let renderer = try Renderer(shapesInParallel: false)
        let (document, _) = try renderer.layout(source: source)
        func pdf(batched: Bool) throws -> (bytes: [UInt8], batched: (lines: Int, calls: Int)) {
            let sink = MemorySink()
            let writer = try PDFWriter(sink: sink, firstPageSize: document.pageSize, metadata: renderer.pdfMetadata(document),
                                       fonts: renderer.fonts)
            writer.batchesLines = batched
            for number in 1...document.pageCount { try writer.add(document.page(number)) }
            let counts = writer.batchedLines
            try writer.finish()
            return (sink.bytes, counts)
        }
        let together = try pdf(batched: true), alone = try pdf(batched: false)
        XCTAssertEqual(together.bytes, alone.bytes)
        XCTAssertGreaterThan(together.batched.lines, 400, "the code lines were drawn together")
        XCTAssertLessThan(together.batched.calls * 10, together.batched.lines, "in a few calls")
        XCTAssertEqual(alone.batched.lines, 0)
        let path = folder.appendingPathComponent("lines.pdf")
        try Data(together.bytes).write(to: path)
        let text = try TestSupport.run(["pdftotext", "-layout", path.path, "-"])
        XCTAssertTrue(text.stdout.contains("let value399 = compute(399) // line 399"), "the last line is in the text layer")
    }
}
