import FolioCharts
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

/// A dry run (`TextMeasuring.prefetch`) asks only for what can be shaped ahead: plain ASCII code
/// lines are set without a layout, so it does not even measure them.
final class CodeBlockDryRunTests: LayoutTestCase {
    /// An estimating measurer that keeps every text it is asked to measure.
    final class AskedTexts: TextMeasuring {
        let estimate = FixedAdvanceMeasurer(advance: 0.5)
        var asked: [String] = []
        var estimatesOnly: Bool { true }

        func measureLine(_ spans: [TextSpan], lang: String) -> TextLine {
            asked.append(spans.map(\.text).joined())
            return estimate.measureLine(spans, lang: lang)
        }

        func breakLines(_ paragraph: StyledParagraph, width: Double) -> [TextLine] {
            asked.append(paragraph.spans.map(\.text).joined())
            return estimate.breakLines(paragraph, width: width)
        }
    }

    func testADryRunMeasuresOnlyTheCodeLinesWorthShapingAhead() throws {
        let briefing = try self.briefing("# Code\n\n```\nplain line one\nplain line two\ncafé au lait\n```\n")
        let dryRun = AskedTexts()
        var charts: [String: ChartDrawing] = [:]
        _ = try DocumentLayout.layoutOnce(briefing, measurer: dryRun, chartPages: [:], chartCache: &charts)
        XCTAssertFalse(dryRun.asked.contains { $0.contains("plain line") }, "\(dryRun.asked)")
        XCTAssertTrue(dryRun.asked.contains { $0.contains("café au lait") }, "\(dryRun.asked)")
        // The real layout sets every line.
        let document = try DocumentLayout.layout(briefing, measurer: measurer)
        let shown = (1...document.pageCount).flatMap { self.texts(document.page($0)) }.map(\.line.text)
        for line in ["plain line one", "plain line two", "café au lait"] { XCTAssertTrue(shown.contains(line), line) }
    }
}
