import Folio
import FolioTestSupport
import Foundation
import XCTest

/// PNG and SVG pages, and reference images of the sample's pages under a pixel tolerance.
final class PageImageTests: XCTestCase {
    static let references = TestSupport.repoRoot.appendingPathComponent("Tests/FolioEndToEndTests/References")

    func testPNGPagesMatchTheReferences() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let run = try TestSupport.folio(["render", TestSupport.sampleBriefing, "--format", "png", "--dpi", "50", "-o", folder.path],
                                        environment: TestSupport.pinnedFonts)
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
        XCTAssertEqual(try TestSupport.folio(["render", TestSupport.sampleBriefing, "--format", "png", "--dpi", "50", "-o", folder.path],
                                             environment: TestSupport.pinnedFonts).status, 0)
        let result = try XCTUnwrap(ImageComparison.compare(actual: folder.appendingPathComponent("llama-journey-003.png").path,
                                                           reference: Self.references.appendingPathComponent("llama-journey-page4.png").path))
        XCTAssertFalse(result.passes)
        XCTAssertGreaterThan(result.failingTiles, 50, result.summary)
    }

    // MARK: The comparison itself can fail

    func reference(_ name: String) throws -> TestImage {
        try XCTUnwrap(TestImage(contentsOfPNG: Self.references.appendingPathComponent(name).path), "missing reference \(name)")
    }

    /// A 20-pixel piece of a text line: the first dark, grey (not coloured) pixel at or after row
    /// `fromY` (scanning rows, `fromX` onwards), 20 columns from there, as tall as the ink around it.
    func textStrip(in image: TestImage, fromX: Int, fromY: Int, file: StaticString = #filePath, line: UInt = #line)
        -> (x: Int, y: Int, width: Int, height: Int)? {
        func isText(_ x: Int, _ y: Int) -> Bool {
            let r = Int(image[x, y, 0]), g = Int(image[x, y, 1]), b = Int(image[x, y, 2])
            return image.ink(x: x, y: y) > 100 && max(r, g, b) - min(r, g, b) < 40
        }
        func rowHasInk(_ y: Int, _ x: Int) -> Bool { (x..<(x + 20)).contains { image.ink(x: $0, y: y) > 40 } }
        for y in fromY..<(image.height - 1) {
            for x in fromX..<(image.width - 24) where isText(x, y) {
                var top = y, bottom = y
                // At most 6 rows either way: lines of a paragraph may touch at low resolution.
                while top > max(0, y - 6), rowHasInk(top - 1, x) { top -= 1 }
                while bottom < min(image.height - 1, y + 6), rowHasInk(bottom + 1, x) { bottom += 1 }
                let height = bottom - top + 1
                // Text, not a rule (too thin) or a filled shape (too tall).
                guard height >= 5, height <= 24 else { continue }
                return (x, top, 20, height)
            }
        }
        XCTFail("no text line found", file: file, line: line)
        return nil
    }

    /// Counts the dark pixels of a strip (so a test proves it blanked real text).
    func inkPixels(_ image: TestImage, _ strip: (x: Int, y: Int, width: Int, height: Int)) -> Int {
        var count = 0
        for y in strip.y..<(strip.y + strip.height) {
            for x in strip.x..<(strip.x + strip.width) where image.ink(x: x, y: y) > 100 { count += 1 }
        }
        return count
    }

    func testIdenticalImagesMatchExactly() throws {
        let page = try reference("llama-journey-page3.png")
        let result = try XCTUnwrap(ImageComparison.compare(page, page))
        XCTAssertTrue(result.passes)
        XCTAssertEqual(result.maximumDifference, 0)
        XCTAssertEqual(result.differingPixels, 0)
    }

    func testBlankingTwentyPixelsOfATextLineFails() throws {
        for name in ["llama-journey-page3.png", "llama-journey-page2.png", "landscape-page2.png"] {
            let page = try reference(name)
            let strip = try XCTUnwrap(textStrip(in: page, fromX: page.width / 4, fromY: page.height / 5))
            XCTAssertGreaterThanOrEqual(inkPixels(page, strip), 10, "\(name): the strip \(strip) holds text")
            let blanked = page.blanking(x: strip.x, y: strip.y, width: strip.width, height: strip.height)
            let result = try XCTUnwrap(ImageComparison.compare(blanked, page))
            XCTAssertFalse(result.passes, "\(name): blanking \(strip) passed: \(result.summary)")
            XCTAssertGreaterThan(result.maximumDifference, 100, name)
            // Both ways round: ink that appears fails as ink that vanishes does.
            XCTAssertFalse(try XCTUnwrap(ImageComparison.compare(page, blanked)).passes, name)
        }
    }

    func testBlankingAChartLabelFails() throws {
        for name in ["chart-llama-journey.png", "chart-meta-ai-2023.png", "chart-meta-ai-2025.png"] {
            let chart = try reference(name)
            let strip = try XCTUnwrap(textStrip(in: chart, fromX: chart.width / 3, fromY: chart.height / 2))
            XCTAssertGreaterThanOrEqual(inkPixels(chart, strip), 10, "\(name): the strip \(strip) holds text")
            let blanked = chart.blanking(x: strip.x, y: strip.y, width: strip.width, height: strip.height)
            let result = try XCTUnwrap(ImageComparison.compare(blanked, chart))
            XCTAssertFalse(result.passes, "\(name): blanking \(strip) passed: \(result.summary)")
        }
    }

    func testOnePixelAntialiasingShiftPasses() throws {
        for name in ["llama-journey-page3.png", "chart-meta-ai-2025.png"] {
            let image = try reference(name)
            for (dx, dy) in [(1, 0), (0, 1), (-1, 0), (1, 1)] {
                let moved = image.shifted(dx: dx, dy: dy)
                let result = try XCTUnwrap(ImageComparison.compare(moved, image))
                XCTAssertTrue(result.passes, "\(name) moved by (\(dx), \(dy)): \(result.summary)")
            }
            // Half a pixel, as a different rasteriser might place the glyphs.
            let half = image.blended(with: image.shifted(dx: 1, dy: 0))
            let result = try XCTUnwrap(ImageComparison.compare(half, image))
            XCTAssertTrue(result.passes, "\(name) moved half a pixel: \(result.summary)")
        }
    }

    func testMissingReferenceFailsAndRecordsNothing() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let references = folder.appendingPathComponent("references")
        try FileManager.default.createDirectory(at: references, withIntermediateDirectories: true)
        let actual = folder.appendingPathComponent("page.png").path
        try reference("llama-journey-page3.png").writePNG(to: actual)
        let verdict = try ImageComparison.check(actual, reference: "no-such-reference.png", in: references, recording: false)
        guard case .missingReference = verdict else { return XCTFail("expected a missing reference, got \(verdict)") }
        XCTAssertNotNil(verdict.failure)
        XCTAssertEqual(TestSupport.files(in: references), [], "nothing is recorded without FOLIO_RECORD=1")
        try? FileManager.default.removeItem(at: ImageComparison.failureFolder.appendingPathComponent("actual-no-such-reference.png"))
        // Recording writes it, and then it matches.
        guard case .recorded = try ImageComparison.check(actual, reference: "new.png", in: references, recording: true) else {
            return XCTFail("not recorded")
        }
        XCTAssertEqual(TestSupport.files(in: references), ["new.png"])
        XCTAssertNil(try ImageComparison.check(actual, reference: "new.png", in: references, recording: false).failure)
    }

    func testFailureWritesExpectedActualAndDiff() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let page = try reference("llama-journey-page3.png")
        let strip = try XCTUnwrap(textStrip(in: page, fromX: page.width / 4, fromY: page.height / 2))
        let actual = folder.appendingPathComponent("blanked.png").path
        try page.blanking(x: strip.x, y: strip.y, width: strip.width, height: strip.height).writePNG(to: actual)
        try FileManager.default.copyItem(at: Self.references.appendingPathComponent("llama-journey-page3.png"),
                                         to: folder.appendingPathComponent("test-diff-page3.png"))
        let verdict = try ImageComparison.check(actual, reference: "test-diff-page3.png", in: folder, recording: false)
        guard case .differs(_, let diffPath) = verdict else { return XCTFail("expected a difference, got \(verdict)") }
        defer {
            try? FileManager.default.removeItem(atPath: diffPath)
            try? FileManager.default.removeItem(at: ImageComparison.failureFolder.appendingPathComponent("actual-test-diff-page3.png"))
        }
        let diff = try XCTUnwrap(TestImage(contentsOfPNG: diffPath))
        XCTAssertEqual(diff.width, 3 * page.width + 8)
        XCTAssertEqual(diff.height, page.height)
        // The diff panel is red inside the blanked strip.
        let panel = 2 * (page.width + 4)
        let red = (strip.y..<(strip.y + strip.height)).flatMap { y in (strip.x..<(strip.x + strip.width)).map { (panel + $0, y) } }
            .filter { diff[$0.0, $0.1, 0] > 200 && diff[$0.0, $0.1, 1] < 30 }
        XCTAssertGreaterThan(red.count, 5)
    }

    func testImagesArePlacedWithNumberedCaptions() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        // A real PNG made by folio itself: the first page of a tiny document.
        let tiny = try TestSupport.write("---\ntitle: Tiny\nlayout: landscape\n---\nHello.\n", to: "tiny.md", in: folder)
        XCTAssertEqual(try TestSupport.folio(["render", tiny, "--format", "png", "--dpi", "20", "-o", folder.path]).status, 0)
        let source = try TestSupport.write("---\ntitle: Pictures\n---\n# Pictures\n\nBefore.\n\n![A tiny page](tiny-001.png)\n\nAfter.\n",
                                           to: "pictures.md", in: folder)
        let pdf = folder.appendingPathComponent("pictures.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        let images = try TestSupport.run(["pdfimages", "-list", pdf])
        XCTAssertEqual(images.stdout.split(separator: "\n").count - 2, 1, images.stdout)
        XCTAssertTrue(try TestSupport.pdfText(pdf).contains("Figure 1. A tiny page"))
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
        let text = try TestSupport.pdfText(pdf)
        XCTAssertTrue(text.contains("The Ideal vs. Reality") && !text.contains("1.1 The Ideal"), "no numbering in this layout")
        XCTAssertEqual(try TestSupport.run(["qpdf", "--check", pdf]).status, 0)
        let png = try TestSupport.folio(["render", TestSupport.sampleBriefing, "--layout", "landscape", "--format", "png", "--dpi", "50",
                                         "-o", folder.path], environment: TestSupport.pinnedFonts)
        XCTAssertEqual(png.status, 0, png.stderr)
        try ImageComparison.assertMatches(folder.appendingPathComponent("llama-journey-002.png").path,
                                          reference: "landscape-page2.png", in: Self.references)
    }
}
