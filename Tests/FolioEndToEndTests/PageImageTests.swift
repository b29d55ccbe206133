import Folio
import FolioTestSupport
import Foundation
import XCTest

/// PNG and SVG pages, and reference images of the sample's pages under a pixel tolerance.
final class PageImageTests: XCTestCase {
    static let references = TestSupport.repoRoot.appendingPathComponent("Tests/FolioEndToEndTests/References")

    func testPNGPagesMatchTheReferences() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let run = try TestSupport.folio(["render", TestSupport.sampleBriefing, "--format", "png", "--dpi", "50", "-o", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let (document, _) = try Renderer().layout(source: TestSupport.sampleBriefing)
        let expected = (1...document.pageCount).map { String(format: "llama-journey-%03d.png", $0) }
        XCTAssertEqual(TestSupport.files(in: folder), expected)
        let first = try XCTUnwrap(RasterImage(contentsOfPNG: folder.appendingPathComponent(expected[0]).path))
        XCTAssertEqual(first.width, Int((595.276 * 50 / 72).rounded(.up)))
        XCTAssertEqual(first.height, Int((841.89 * 50 / 72).rounded(.up)))
        // The cover's accent panel is the layout's accent colour (#0b5cad); the page below it is white.
        let panel = first.pixel(x: 5, y: 5)
        XCTAssertEqual([Int(panel.r), Int(panel.g), Int(panel.b)], [0x0b, 0x5c, 0xad])
        let paper = first.pixel(x: 5, y: first.height - 5)
        XCTAssertEqual([paper.r, paper.g, paper.b], [255, 255, 255])
        for number in [1, 2, 3, 4] {
            try ImageComparison.assertMatches(folder.appendingPathComponent(expected[number - 1]).path,
                                              reference: "llama-journey-page\(number).png", in: Self.references)
        }
    }

    func testComparisonCatchesAChangedPage() throws {
        // Page 3 compared with page 4's reference must fail: the tolerance is not so loose that anything passes.
        let folder = try TestSupport.temporaryFolder(for: self)
        XCTAssertEqual(try TestSupport.folio(["render", TestSupport.sampleBriefing, "--format", "png", "--dpi", "50", "-o", folder.path]).status, 0)
        let result = try XCTUnwrap(ImageComparison.compare(actual: folder.appendingPathComponent("llama-journey-003.png").path,
                                                           reference: Self.references.appendingPathComponent("llama-journey-page4.png").path))
        XCTAssertGreaterThan(result.differingFraction, 0.01)
    }

    func testSVGPages() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let run = try TestSupport.folio(["render", TestSupport.sampleBriefing, "--format", "svg", "-o", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = TestSupport.files(in: folder)
        XCTAssertGreaterThanOrEqual(files.count, 6)
        let svg = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
        XCTAssertTrue(svg.contains("<svg") && svg.contains("width=\"595.276pt\""), String(svg.prefix(300)))
    }

    func testLandscapeLayoutRendersLetterPagesWithoutCover() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let pdf = folder.appendingPathComponent("wide.pdf").path
        let run = try TestSupport.folio(["render", TestSupport.sampleBriefing, "--layout", "landscape", "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        let info = try TestSupport.run(["pdfinfo", pdf])
        XCTAssertTrue(info.stdout.contains("Page size:       792 x 612 pts (letter)"), info.stdout)
        let firstPage = try TestSupport.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"]).stdout
        XCTAssertTrue(firstPage.contains("Contents"), firstPage)
        XCTAssertTrue(try TestSupport.pdfText(pdf).contains("1.1 The Ideal vs. Reality"))
        XCTAssertEqual(try TestSupport.run(["qpdf", "--check", pdf]).status, 0)
        let png = try TestSupport.folio(["render", TestSupport.sampleBriefing, "--layout", "landscape", "--format", "png", "--dpi", "50", "-o", folder.path])
        XCTAssertEqual(png.status, 0, png.stderr)
        try ImageComparison.assertMatches(folder.appendingPathComponent("llama-journey-002.png").path,
                                          reference: "landscape-page2.png", in: Self.references)
    }
}
