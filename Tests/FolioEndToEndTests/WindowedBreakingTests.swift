@testable import FolioCairo
import FolioDisplay
import XCTest

/// A long paragraph laid out a window at a time breaks into exactly the lines it has laid out whole
/// by Pango's first fit (windowed paragraphs, over 8 KB, keep first fit; shorter ones use total fit).
final class WindowedBreakingTests: XCTestCase {
    func testWindowsGiveTheLinesOfTheWholeParagraph() throws {
        let measurer = PangoMeasurer(fonts: try FontEnvironment(), shapesInParallel: false)
        measurer.usesTotalFit = false
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
        // Windows still break such a paragraph where the whole layout does (first fit).
        let measurer = PangoMeasurer(fonts: try FontEnvironment(), shapesInParallel: false)
        measurer.usesTotalFit = false
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
}
