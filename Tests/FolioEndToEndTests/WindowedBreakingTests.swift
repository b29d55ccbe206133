@testable import FolioCairo
@testable import FolioLayout
import FolioDisplay
import XCTest

/// A long paragraph laid out a window at a time breaks into exactly the lines it has laid out whole.
final class WindowedBreakingTests: XCTestCase {
    func testWindowsGiveTheLinesOfTheWholeParagraph() throws {
        let measurer = PangoMeasurer(fonts: try FontEnvironment(), shapesInParallel: false)
        let body = TextStyle(font: FontSpec(family: "Noto Serif", size: 10.5))
        var bold = body
        bold.font.weight = 700
        var spans: [TextSpan] = []
        for index in 0..<120 {
            switch index % 7 {
            case 0: spans.append(TextSpan("link \(index) ", style: body, link: "https://example.org/\(index)"))
            case 3: spans.append(TextSpan("bold words here \(index) ", style: bold))
            case 5: spans.append(TextSpan(String(repeating: "xyzzy", count: 40) + " ", style: body))
            default: spans.append(TextSpan("plain text, with a comma and several words \(index). ", style: body))
            }
        }
        let total = spans.reduce(0) { $0 + $1.text.utf8.count }
        XCTAssertLessThan(total, PangoMeasurer.windowThreshold, "laid out whole by breakLines")
        XCTAssertGreaterThan(total, 4 * PangoMeasurer.windowBytes, "several windows")
        for alignment in [TextAlignment.justify, .left] {
            let whole = measurer.breakLines(StyledParagraph(spans: spans, alignment: alignment, lang: "en", hyphenate: false), width: 300)
            let windowed = measurer.shapeInWindows(spans, lang: "en", width: 300, justifyWidth: alignment == .justify ? 300 : nil)
            XCTAssertEqual(windowed.map(\.text), whole.map(\.text))
            XCTAssertEqual(windowed.map(\.justifiedWidth), whole.map(\.justifiedWidth))
            XCTAssertEqual(windowed.map(\.links), whole.map(\.links))
            for (a, b) in zip(windowed, whole) { XCTAssertEqual(a.width, b.width, accuracy: 0.01, a.text) }
        }
    }

    func testParagraphsWithRightToLeftTextAreLaidOutWholeUpTo64KB() throws {
        let body = TextStyle(font: FontSpec(family: "Noto Serif", size: 10.5))
        let hebrew = ["שלום", "עולם", "ספר", "מילה"], latin = ["x", "word", "and", "more"]
        let text = "English: " + (0..<240).map { "\(hebrew[$0 % 4]) \(hebrew[($0 / 4) % 4]) \(latin[$0 % 4])" }.joined(separator: " ")
        XCTAssertFalse(PangoMeasurer.needsWindows([TextSpan(text + text, style: body)]), "whole: a window would lose the bidi context")
        XCTAssertTrue(PangoMeasurer.needsWindows([TextSpan(String(repeating: text, count: 20), style: body)]), "windows past 64 KB")
        XCTAssertTrue(PangoMeasurer.needsWindows([TextSpan(String(repeating: "english words ", count: 700), style: body)]))
        XCTAssertFalse(PangoMeasurer.needsWindows([TextSpan(String(repeating: "english words ", count: 500), style: body)]))
        // Windows still break such a paragraph where the whole layout does.
        let measurer = PangoMeasurer(fonts: try FontEnvironment(), shapesInParallel: false)
        let spans = [TextSpan(text, style: body)]
        let whole = measurer.breakLines(StyledParagraph(spans: spans, alignment: .left, lang: "en"), width: 200)
        let windowed = measurer.shapeInWindows(spans, lang: "en", width: 200, justifyWidth: nil)
        XCTAssertEqual(windowed.map(\.text), whole.map(\.text))
    }

    func testCodeLinesAcrossWindowsKeepTheirBreaks() throws {
        let measurer = PangoMeasurer(fonts: try FontEnvironment(), shapesInParallel: false)
        let code = TextStyle(font: FontSpec(family: "DejaVu Sans Mono", size: 9))
        let text = (0..<400).map { "let value\($0) = compute(\($0))" }.joined(separator: "\n") + "\n"
        let lines = measurer.breakLines(StyledParagraph(spans: [TextSpan(text, style: code)], alignment: .left, lang: "en"), width: 400)
        XCTAssertEqual(Array(lines.prefix(400).map(\.text)), (0..<400).map { "let value\($0) = compute(\($0))" })
        XCTAssertLessThanOrEqual(lines.count, 401)
    }

    /// A long code block is shaped in chunks of whole lines (so both shaping threads share it):
    /// the lines, their widths and their glyph runs are those of the block shaped whole.
    func testCodeChunksGiveTheLinesOfTheWholeBlock() throws {
        let measurer = PangoMeasurer(fonts: try FontEnvironment(), shapesInParallel: false)
        let code = TextStyle(font: FontSpec(family: "DejaVu Sans Mono", size: 9))
        let text = (0..<300).map { index in
            index % 50 == 7 ? "" : index % 31 == 0 ? String(repeating: "wide_identifier_\(index) ", count: 8) : "let value\(index) = compute(\(index))"
        }.joined(separator: "\n")
        // Highlighted spans, cut mid-span by chunk ends.
        let spans = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { index, line in
            [TextSpan(String(line.prefix(5)), style: code), TextSpan(String(line.dropFirst(5)) + (index < 299 ? "\n" : ""), style: code)]
        }
        let chunks = BlockFlow.codeChunks(spans)
        XCTAssertEqual(chunks.count, 5)
        XCTAssertEqual(chunks.map { $0.map(\.text).joined() }.joined(separator: "\n"), text)
        let whole = measurer.breakLines(StyledParagraph(spans: spans, alignment: .left, lang: "en"), width: 300)
        let chunked = chunks.flatMap {
            measurer.breakLines(StyledParagraph(spans: $0, alignment: .left, lang: "en"), width: 300)
        }
        XCTAssertGreaterThan(whole.count, 300, "some lines wrap")
        XCTAssertEqual(chunked.map(\.text), whole.map(\.text))
        XCTAssertEqual(chunked.map { $0.glyphRuns.map(\.text) }, whole.map { $0.glyphRuns.map(\.text) })
        XCTAssertEqual(chunked.map { $0.glyphRuns.map(\.clusters) }, whole.map { $0.glyphRuns.map(\.clusters) })
        for (a, b) in zip(chunked, whole) { XCTAssertEqual(a.width, b.width, accuracy: 0.01, a.text) }
        let short = [TextSpan("short\nblock", style: code)]
        XCTAssertEqual(BlockFlow.codeChunks(short), [short])
        // A block ending at a chunk's line end keeps its last, empty line; CR LF ends count once.
        let exact = [TextSpan(String(repeating: "x\r\n", count: 64), style: code)]
        XCTAssertEqual(BlockFlow.codeChunks(exact).map { $0.map(\.text).joined() }, [String(repeating: "x\r\n", count: 63) + "x", ""])
    }
}
