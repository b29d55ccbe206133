import Folio
import FolioTestSupport
import Foundation
import XCTest

/// `folio charts`: each chart alone as PNG, SVG and PDF, and reference images of the sample's charts.
final class ChartExportTests: XCTestCase {
    func testSampleChartsExportInEveryFormat() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let run = try TestSupport.folio(["charts", TestSupport.sampleBriefing, "--format", "png", "--format", "svg",
                                         "--format", "pdf", "-o", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let ids = try BriefingLoader.load(path: TestSupport.sampleBriefing).charts.map(\.id)
        XCTAssertEqual(ids, ["model-sizes", "llama-journey", "meta-ai-2023", "meta-ai-2025"])
        let expected = ids.flatMap { id in ["png", "svg", "pdf"].map { "llama-journey-\(id).\($0)" } }
        XCTAssertEqual(TestSupport.files(in: folder), expected.sorted())
        for id in ["meta-ai-2023", "meta-ai-2025"] {
            let pdf = folder.appendingPathComponent("llama-journey-\(id).pdf").path
            XCTAssertEqual(try TestSupport.run(["qpdf", "--check", pdf]).status, 0)
            XCTAssertTrue(try TestSupport.pdfText(pdf).contains("Mark Zuckerberg"))
            let svg = try String(contentsOfFile: folder.appendingPathComponent("llama-journey-\(id).svg").path, encoding: .utf8)
            XCTAssertTrue(svg.hasPrefix("<?xml") && svg.contains("<svg"))
        }
    }

    func testChartsMatchTheirReferences() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let run = try TestSupport.folio(["charts", TestSupport.sampleBriefing, "--scale", "1.5", "-o", folder.path],
                                        environment: TestSupport.pinnedFonts)
        XCTAssertEqual(run.status, 0, run.stderr)
        for id in ["llama-journey", "meta-ai-2023", "meta-ai-2025"] {
            let png = folder.appendingPathComponent("llama-journey-\(id).png").path
            let image = try XCTUnwrap(RasterImage(contentsOfPNG: png))
            XCTAssertGreaterThan(image.width, 300)
            try ImageComparison.assertMatches(png, reference: "chart-\(id).png", in: PageImageTests.references)
        }
    }

    func testTransparentBackgroundAndUnknownChart() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let run = try TestSupport.folio(["charts", TestSupport.sampleBriefing, "--only", "meta-ai-2023", "--transparent", "-o", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let image = try XCTUnwrap(RasterImage(contentsOfPNG: folder.appendingPathComponent("llama-journey-meta-ai-2023.png").path))
        XCTAssertEqual(image.pixel(x: 0, y: 0).a, 0, "transparent corner")
        let bad = try TestSupport.folio(["charts", TestSupport.sampleBriefing, "--only", "meta-ai-2024", "-o", folder.path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("error: no chart 'meta-ai-2024'") && bad.stderr.contains("did you mean"), bad.stderr)
    }
}
