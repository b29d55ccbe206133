@testable import Folio
@testable import FolioCairo
import FolioDisplay
import FolioTestSupport
import Foundation
import XCTest

/// Text is shaped on the helper thread while the dry run still records what the layout will ask
/// (`StreamedShaping`): a long document must come out exactly as one thread makes it, the helper
/// must have taken part, and a request needing a family the font catalog lacks waits for the end.
final class StreamedShapingTests: XCTestCase {
    /// A briefing of many paragraphs, lists, tables and code: hundreds of requests to stream.
    static func longBriefing() -> String {
        var text = "---\ntitle: Streamed\ndate: 2026-01-01\n---\n\n"
        for section in 1...40 {
            text += "# Section \(section)\n\n"
            text += "A paragraph \(section) long enough to wrap over a few lines of the page, with *emphasis*, **strong** text and `code` in it, "
                + "so that every one of its lines is shaped and broken by the real measurer once the dry run has asked for it.\n\n"
            text += "- item \(section) one\n- item \(section) two, which is longer and wraps onto a second line of the list body\n\n"
            text += "| Name | Value \(section) |\n|---|---|\n| alpha | \(section * 3) |\n| beta | \(section * 7) |\n\n"
            text += "```swift\nlet value\(section) = \(section) // a comment\nprint(value\(section))\n```\n\n"
        }
        return text
    }

    func testStreamedShapingGivesTheSerialPDF() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try TestSupport.write(Self.longBriefing(), to: "long.md", in: folder)
        var renders: [Data] = []
        var helperShaped = 0
        for parallel in [false, true] {
            let path = folder.appendingPathComponent("\(parallel).pdf").path
            let renderer = try Renderer(shapesInParallel: parallel)
            var options = RenderOptions()
            options.output = path
            let result = try renderer.render(source: source, options: options)
            XCTAssertGreaterThan(result.pageCount, 5)
            renders.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            if parallel { helperShaped = renderer.measurer.helperShaped }
        }
        XCTAssertEqual(renders[0], renders[1], "streamed shaping changed the PDF")
        if ProcessInfo.processInfo.activeProcessorCount > 1 { XCTAssertGreaterThan(helperShaped, 50, "the helper shaped its share") }
    }

    /// Requests go to the helper as they come and are all cached once the run is over; requests in
    /// a family the catalog has not taken yet are not streamed (joining it changes what the helper
    /// reads) but shaped at the end, after the helper is done (a batch of them; fewer are shaped on
    /// demand, as `shapeAhead` leaves them). Joining a family drops the shapes made before it.
    func testRequestsNeedingANewFamilyWaitForTheEnd() throws {
        let renderer = try Renderer()
        let measurer = renderer.measurer
        guard measurer.shapesAhead, let catalog = measurer.fonts.catalog else { throw XCTSkip("one core, or system fonts") }
        let known = FontSpec(family: "Noto Serif", size: 10)
        catalog.include(family: known.family)
        let newFamily = "DejaVu Sans Mono"
        XCTAssertFalse(catalog.holds(family: newFamily), "a family nothing asked for yet")
        func request(_ text: String, _ font: FontSpec) -> TextRequest {
            .paragraph(StyledParagraph(spans: [TextSpan(text, style: TextStyle(font: font))], alignment: .left, lang: "en"), width: 200)
        }
        let streamed = (0..<40).map { request("Paragraph \($0) of text set in the body font, long enough to wrap once.", known) }
        let first = try XCTUnwrap(measurer.startShapingAhead())
        streamed.forEach(first.add)
        first.finish()
        for item in streamed { XCTAssertTrue(measurer.isCached(item), "\(item) shaped ahead") }
        XCTAssertGreaterThan(measurer.helperShaped, 0, "the helper took part")

        let later = (40..<80).map { request("Paragraph \($0) of text set in the body font, long enough to wrap once.", known) }
        let waiting = (0..<PangoMeasurer.minimumParallelBatch).map { request("Code \($0) in a family the catalog lacks.", FontSpec(family: newFamily, size: 9)) }
        let second = try XCTUnwrap(measurer.startShapingAhead())
        for (index, item) in later.enumerated() {
            second.add(item)
            if index == 20 { waiting.forEach(second.add) }
        }
        XCTAssertFalse(catalog.holds(family: newFamily), "the catalog is not changed while the helper runs")
        second.finish()
        XCTAssertTrue(catalog.holds(family: newFamily), "joined at the end")
        for item in waiting { XCTAssertTrue(measurer.isCached(item), "\(item) shaped ahead") }
        // The same lines as shaping on demand, on this thread alone.
        let alone = try Renderer(shapesInParallel: false).measurer
        for case .paragraph(let paragraph, let width) in streamed + later + waiting {
            XCTAssertEqual(measurer.breakLines(paragraph, width: width).map(\.width), alone.breakLines(paragraph, width: width).map(\.width))
        }
    }
}
