import Folio
import FolioDisplay
import Foundation
import XCTest

/// Justified text with Pango's real fonts: every line but the last spans the measure exactly, hyphen
/// included, and lines shaped on the helper thread equal those shaped on the main one.
final class JustificationTests: XCTestCase {
    let text = """
        Balancing pure research and product delivery is tough: the organisation restructured its \
        laboratories, consolidated infrastructure, accelerated deployment schedules, and reconsidered \
        commercialisation, internationalisation and interoperability commitments repeatedly.
        """

    func paragraph() -> StyledParagraph {
        let style = TextStyle(font: FontSpec(family: "Noto Serif", size: 10.5), color: .black)
        return StyledParagraph(spans: [TextSpan(text, style: style)], alignment: .justify, lang: "en", hyphenate: true)
    }

    func testJustifiedLinesEndAtTheMeasure() throws {
        let renderer = try Renderer()
        for width in [160.0, 203.5, 260.0] {
            let lines = renderer.measurer.breakLines(paragraph(), width: width)
            XCTAssertGreaterThan(lines.count, 3)
            XCTAssertTrue(lines.contains { $0.text.hasSuffix("-") }, "the test should break a word at \(width) pt")
            for line in lines.dropLast() {
                let end = line.glyphRuns.map { $0.x + $0.width }.max() ?? 0
                XCTAssertEqual(end, width, accuracy: 0.01, "\"\(line.text)\" at \(width) pt")
                XCTAssertEqual(line.drawnWidth, width, accuracy: 0.01)
            }
            let last = try XCTUnwrap(lines.last)
            XCTAssertLessThan(last.glyphRuns.map { $0.x + $0.width }.max() ?? 0, width)
        }
    }

    /// A line without spaces (Chinese) is justified between its characters.
    func testLinesWithoutSpacesAreJustifiedBetweenCharacters() throws {
        let renderer = try Renderer()
        let style = TextStyle(font: FontSpec(family: "Noto Serif", size: 10.5), color: .black)
        let chinese = String(repeating: "开源模型的发布改变了人工智能研究的格局，", count: 6)
        let lines = renderer.measurer.breakLines(StyledParagraph(spans: [TextSpan(chinese, style: style)], alignment: .justify, lang: "zh"),
                                                 width: 200)
        XCTAssertGreaterThan(lines.count, 3)
        for line in lines.dropLast() {
            XCTAssertEqual(line.glyphRuns.map { $0.x + $0.width }.max() ?? 0, 200, accuracy: 0.01, line.text)
            let starts = line.glyphRuns.flatMap(\.glyphs).map(\.x)
            XCTAssertEqual(starts, starts.sorted(), "glyphs stay in order")
        }
        XCTAssertEqual(renderer.measurer.unknownGlyphCount, 0)
    }

    func testHelperThreadShapesLikeTheMainThread() throws {
        let serial = try Renderer(shapesInParallel: false)
        let parallel = try Renderer(shapesInParallel: true)
        // Enough requests to use the helper; the same paragraph at many widths.
        let requests = (0..<40).map { TextRequest.paragraph(paragraph(), width: 150 + Double($0) * 7.25) }
        parallel.measurer.shapeAhead(requests)
        for case .paragraph(let paragraph, let width) in requests {
            let expected = serial.measurer.breakLines(paragraph, width: width)
            let got = parallel.measurer.breakLines(paragraph, width: width)
            XCTAssertEqual(got.map(\.text), expected.map(\.text))
            XCTAssertEqual(got.map { $0.glyphRuns.flatMap(\.glyphs) }, expected.map { $0.glyphRuns.flatMap(\.glyphs) }, "width \(width)")
        }
    }
}
