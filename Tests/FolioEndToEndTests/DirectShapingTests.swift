import Foundation
@testable import FolioCairo
import FolioDisplay
import FolioTestSupport
import XCTest

/// Lines of plain ASCII are shaped by HarfBuzz directly (`DirectShaper`), without a Pango layout.
/// They must be exactly the lines Pango makes: same glyphs, positions, clusters, widths and metrics.
final class DirectShapingTests: XCTestCase {
    static let styles: [TextStyle] = {
        var styles = [TextStyle(font: FontSpec(family: "DejaVu Sans Mono", size: 8.5)),
                      TextStyle(font: FontSpec(family: "Noto Serif", size: 10.5)),
                      TextStyle(font: FontSpec(family: "Noto Sans", size: 7, weight: 700)),
                      TextStyle(font: FontSpec(family: "Noto Serif", size: 12, italic: true)),
                      TextStyle(font: FontSpec(family: "DejaVu Sans", size: 9.25))]
        styles[1].underline = true
        styles[2].color = Color(red: 0.2, green: 0.4, blue: 0.6)
        return styles
    }()

    /// Random lines of printable ASCII, with the cases that shape differently written in: kerning
    /// pairs, ligatures, lines of spaces or punctuation only, leading and trailing spaces.
    static func randomLines(count: Int) -> [String] {
        var generator = SeededRandom(seed: 7)
        let fixed = [" ", "   ", "}", "// 42", "x  ", "  indented", "AV To Wa Yo ff fi ffl", "-> => != === <=",
                     "let value0 = compute(0) // line 0", "(((", "~", "A", "1.5e-3", "\"quoted\" 'single'"]
        let alphabet = Array(0x20...0x7E).map { Character(UnicodeScalar(UInt8($0))) }
        let words = ["fi", "ffi", "AV", "To", "Wa", "the", "  ", "if", "{", "}", "//", "->", "0", "W", "."]
        return fixed + (0..<count).map { index in
            let length = Int.random(in: 1...60, using: &generator)
            if index % 2 == 0 {
                return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            }
            return (0..<max(1, length / 4)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        }
    }

    func testDirectLinesAreThePangoLines() throws {
        let fonts = try FontEnvironment()
        let direct = PangoMeasurer(fonts: fonts, shapesInParallel: false)
        let pango = PangoMeasurer(fonts: fonts, shapesInParallel: false)
        pango.usesDirectShaping = false
        var measured = 0
        for style in Self.styles {
            for text in Self.randomLines(count: 600) {
                for lang in ["en", "de", "ja"] {
                    measured += 1
                    let expected = pango.measureLine([TextSpan(text, style: style)], lang: lang)
                    let actual = direct.measureLine([TextSpan(text, style: style)], lang: lang)
                    XCTAssertEqual(actual, expected, "\(style.font) \(lang): \"\(text)\"")
                    XCTAssertFalse(actual.glyphRuns.isEmpty)
                }
            }
        }
        XCTAssertEqual(direct.direct.shapedLines, measured, "every line took the direct path (no cache before it)")
        XCTAssertEqual(pango.direct.shapedLines, 0)
    }

    func testOnlyPlainASCIISpansTakeTheDirectPath() throws {
        let measurer = PangoMeasurer(fonts: try FontEnvironment(), shapesInParallel: false)
        let style = Self.styles[1]
        var raised = style
        raised.rise = 3
        for spans in [[TextSpan("café", style: style)], [TextSpan("tab\there", style: style)],
                      [TextSpan("link", style: style, link: "https://example.org")], [TextSpan("up", style: raised)],
                      [TextSpan("two ", style: style), TextSpan("spans", style: style)], [TextSpan("", style: style)]] {
            _ = measurer.measureLine(spans, lang: "en")
        }
        XCTAssertEqual(measurer.direct.shapedLines, 0)
        XCTAssertGreaterThan(measurer.shapedLines, 0)
    }

    /// A short line is set again on every request (cheaper than hashing it); a long one (a heading
    /// repeated in every page's header) is set once and then taken from the cache.
    func testLongLinesAreCachedShortOnesAreNot() throws {
        let measurer = PangoMeasurer(fonts: try FontEnvironment(), shapesInParallel: false)
        let style = Self.styles[1]
        let short = [TextSpan("let value = compute(1)", style: style)]
        let long = [TextSpan(String(repeating: "Heading ", count: 200), style: style)]
        for _ in 0..<3 { _ = measurer.measureLine(short, lang: "en") }
        XCTAssertEqual(measurer.direct.shapedLines, 3)
        for _ in 0..<3 { _ = measurer.measureLine(long, lang: "en") }
        XCTAssertEqual(measurer.direct.shapedLines, 4, "the long line was shaped once")
    }

    /// A long batch of lines (a code block's) is shared with the helper thread; each line comes back
    /// as `measureLine` makes it alone, in order, plain ASCII or not.
    func testABatchSharedWithTheHelperThreadIsTheLinesMeasuredOneByOne() throws {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { throw XCTSkip("one core: no helper thread") }
        let fonts = try FontEnvironment()
        let parallel = PangoMeasurer(fonts: fonts, shapesInParallel: true)
        let serial = PangoMeasurer(fonts: fonts, shapesInParallel: false)
        var lines = Self.randomLines(count: 6_000).enumerated().map { [TextSpan($1, style: Self.styles[$0 % 2])] }
        lines.insert([TextSpan("café", style: Self.styles[0])], at: 10)
        lines.insert([TextSpan("tab\there", style: Self.styles[0])], at: 3_000)
        lines.insert([TextSpan("two ", style: Self.styles[0]), TextSpan("spans", style: Self.styles[1])], at: 5_000)
        lines.insert([], at: 5_500)
        let batch = parallel.measureLines(lines, lang: "en")
        XCTAssertEqual(batch, lines.map { serial.measureLine($0, lang: "en") })
        XCTAssertGreaterThan(parallel.helperShaped, 0, "the helper thread shaped part of the batch")
        XCTAssertLessThan(parallel.helperShaped, lines.count, "and this thread the rest")
        // A short batch stays on this thread.
        let before = parallel.helperShaped
        XCTAssertEqual(parallel.measureLines(Array(lines.prefix(20)), lang: "en"), Array(batch.prefix(20)))
        XCTAssertEqual(parallel.helperShaped, before)
    }

    /// A word longer than a paragraph window (8 KB) is cut where it fills each line, without a
    /// Pango layout: every line as full as its width allows (first fit, the hyphen drawn at each cut
    /// counted; none in code), within a line or two of Pango's own count.
    func testALongWordIsCutWhereItFillsEachLine() throws {
        let fonts = try FontEnvironment()
        let direct = PangoMeasurer(fonts: fonts, shapesInParallel: false)
        let pango = PangoMeasurer(fonts: fonts, shapesInParallel: false)
        pango.usesDirectShaping = false
        var random = SeededRandom(seed: 3)
        let letters = Array("abcdefghijklmnopqrstuvwxyzAVWTfiffl0123456789")
        for (index, style) in Self.styles.enumerated() {
            let word = String((0..<(9_000 + index * 700)).map { _ in letters.randomElement(using: &random)! })
            for (width, preformatted) in [(180.0, false), (333.3, true)] {
                let paragraph = StyledParagraph(spans: [TextSpan(word, style: style)], alignment: index % 2 == 0 ? .justify : .left,
                                                lang: "en", preformatted: preformatted)
                let before = direct.direct.shapedLines
                let expected = pango.breakLines(paragraph, width: width)
                let actual = direct.breakLines(paragraph, width: width)
                XCTAssertGreaterThan(direct.direct.shapedLines, before, "cut without a layout")
                XCTAssertEqual(actual.map(\.text).joined(), word)
                XCTAssertEqual(Double(actual.count), Double(expected.count), accuracy: Double(expected.count) * 0.05 + 1)
                for (number, line) in actual.enumerated() {
                    XCTAssertLessThanOrEqual(line.width, width + 0.001)
                    XCTAssertNil(line.justifiedWidth, "never letter-spaced")
                    guard number + 1 < actual.count else { continue }
                    // One more letter would not have fitted.
                    let next = actual[number + 1].text.prefix(1)
                    let longer = direct.measureLine([TextSpan(line.text + next + (preformatted ? "" : "\u{2010}"), style: style)], lang: "en")
                    XCTAssertGreaterThan(longer.width, width - 0.05, "line \(number) could take another letter")
                }
                // A hyphen is drawn at each cut of prose (one glyph more than its letters set alone), none in code.
                let extra = actual.dropLast().map { line in
                    line.glyphRuns.reduce(0) { $0 + $1.glyphs.count }
                        - direct.measureLine([TextSpan(line.text, style: style)], lang: "en").glyphRuns.reduce(0) { $0 + $1.glyphs.count }
                }
                XCTAssertEqual(Set(extra), preformatted ? [0] : [1])
            }
        }
        // A hyphen or a slash in the word is a place to break: Pango lays it out.
        let before = direct.direct.shapedLines
        _ = direct.breakLines(StyledParagraph(spans: [TextSpan(String(repeating: "abc-def/", count: 1_200), style: Self.styles[1])],
                                              lang: "en"), width: 200)
        XCTAssertEqual(direct.direct.shapedLines, before)
    }
}
