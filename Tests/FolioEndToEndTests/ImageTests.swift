import Folio
import FolioTestSupport
import Foundation
import XCTest

/// Images end to end: JPEG kept as JPEG in the PDF, SVG drawn as vectors, GIF and WebP decoded,
/// inline images on the text line, `data:` URIs, placeholders and warnings, `--strict`.
final class ImageTests: XCTestCase {
    static let fixtures = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/Images")
    static let head = "---\ntitle: Images\nlayout: plain\n---\n\n"

    /// A folder holding the fixture images, a plain A5 layout (no cover, no contents) and `brief.md`.
    func folder(_ body: String) throws -> URL {
        let folder = try TestSupport.temporaryFolder(for: self)
        for name in ["photo.jpg", "diagram.svg", "square.gif", "square.webp", "badge.png"] {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try TestSupport.write("page: { size: A5 }\ncover: false\ntoc: false\n", to: "Layouts/plain.yaml", in: folder)
        try TestSupport.write(Self.head + body, to: "brief.md", in: folder)
        return folder
    }

    func render(_ folder: URL, _ arguments: [String] = []) throws -> TestSupport.Run {
        try TestSupport.folio(["render", "brief.md"] + arguments, in: folder)
    }

    /// `pdfimages -list` rows: (page, type, width, height, encoding, object id).
    func pdfImages(_ path: String) throws -> [(type: String, width: Int, height: Int, encoding: String, object: Int)] {
        let run = try TestSupport.run(["pdfimages", "-list", path])
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout.split(separator: "\n").dropFirst(2).map { line in
            let f = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            return (f[2], Int(f[3]) ?? 0, Int(f[4]) ?? 0, f[8], Int(f[10]) ?? 0)
        }
    }

    /// The first page rendered as PNG at `dpi`.
    func firstPage(_ folder: URL, dpi: Int = 72, file: StaticString = #filePath, line: UInt = #line) throws -> RasterImage {
        let run = try TestSupport.folio(["render", "brief.md", "--format", "png", "--dpi", "\(dpi)", "-o", "pages"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr, file: file, line: line)
        return try XCTUnwrap(RasterImage(contentsOfPNG: folder.appendingPathComponent("pages/brief-001.png").path), file: file, line: line)
    }

    /// Pixels close to `color` (each channel within `tolerance`): count and bounding box.
    func find(_ color: (Int, Int, Int), in image: RasterImage, tolerance: Int = 40) -> (count: Int, minX: Int, maxX: Int, minY: Int, maxY: Int) {
        var count = 0, minX = Int.max, maxX = -1, minY = Int.max, maxY = -1
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image.pixel(x: x, y: y)
                if abs(Int(p.r) - color.0) <= tolerance, abs(Int(p.g) - color.1) <= tolerance, abs(Int(p.b) - color.2) <= tolerance {
                    count += 1
                    minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                }
            }
        }
        return (count, minX, maxX, minY, maxY)
    }

    func testJPEGIsEmbeddedAsJPEGAndOnceWhenUsedTwice() throws {
        let folder = try folder("![First](photo.jpg)\n\nText between.\n\n![Again](photo.jpg){width=4cm}\n\nInline ![p](photo.jpg) too.\n")
        let run = try render(folder, ["-o", "out.pdf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let images = try pdfImages(folder.appendingPathComponent("out.pdf").path)
        XCTAssertEqual(images.count, 3, "three placements")
        XCTAssertTrue(images.allSatisfy { $0.encoding == "jpeg" && $0.width == 160 && $0.height == 100 }, "\(images)")
        XCTAssertEqual(Set(images.map(\.object)).count, 1, "one embedded object for the three uses: \(images)")
        // The JPEG's bytes are in the PDF as they are.
        let pdf = try Data(contentsOf: folder.appendingPathComponent("out.pdf"))
        let jpeg = try Data(contentsOf: folder.appendingPathComponent("photo.jpg"))
        XCTAssertNotNil(pdf.range(of: jpeg), "the JPEG is embedded byte for byte")
        // No duplicated resource keys (Cairo 1.16 lists an image painted twice on a page twice).
        let check = try TestSupport.run(["qpdf", "--check", folder.appendingPathComponent("out.pdf").path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertFalse((check.stdout + check.stderr).contains("WARNING"), check.stdout + check.stderr)
    }

    func testSVGStaysVectorInPDFAndIsDrawnInPNG() throws {
        let folder = try folder("![Diagram](diagram.svg){width=50%}\n")
        let run = try render(folder, ["-o", "out.pdf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try pdfImages(folder.appendingPathComponent("out.pdf").path).count, 0, "SVG drawn as paths, not an image")
        // Used three times, drawn once: one form holds the drawing, each use a small form placing it.
        let twice = try self.folder("![a](diagram.svg)\n\n![b](diagram.svg){width=30%}\n\nInline ![c](diagram.svg) x.\n")
        XCTAssertEqual(try render(twice, ["-o", "out.pdf"]).status, 0)
        let qdf = try TestSupport.run(["qpdf", "--qdf", "--object-streams=disable", twice.appendingPathComponent("out.pdf").path, "-"])
        XCTAssertEqual(qdf.stdout.components(separatedBy: "/Subtype /Form").count - 1, 3, "one drawing; the second and third placements on the page in a group each")
        let check = try TestSupport.run(["qpdf", "--check", twice.appendingPathComponent("out.pdf").path])
        XCTAssertFalse((check.stdout + check.stderr).contains("WARNING"), check.stdout + check.stderr)
        let page = try firstPage(folder)
        let green = find((0, 160, 0), in: page, tolerance: 20)
        let blue = find((0, 0, 255), in: page, tolerance: 20)
        XCTAssertGreaterThan(green.count, 500)
        XCTAssertGreaterThan(blue.count, 500)
        XCTAssertLessThan(green.maxX, blue.minX, "square left of the circle")
        // Half the text width of A5 (about 148 mm minus margins) at 72 dpi: the drawing is about 2:1.
        let width = blue.maxX - green.minX
        let height = green.maxY - green.minY
        XCTAssertEqual(Double(width) / Double(height), 2, accuracy: 0.15)
        // Centred on the page.
        XCTAssertEqual(Double(green.minX + blue.maxX) / 2, Double(page.width) / 2, accuracy: 4)
    }

    func testGIFAndWebPAreDecoded() throws {
        let folder = try folder("![gif](square.gif)\n\n![webp](square.webp)\n")
        let page = try firstPage(folder)
        XCTAssertGreaterThan(find((255, 0, 255), in: page, tolerance: 10).count, 400, "GIF's magenta square")
        XCTAssertGreaterThan(find((0, 200, 200), in: page, tolerance: 10).count, 400, "WebP's cyan square")
    }

    func testInlineImageSitsOnTheTextLineScaledToIt() throws {
        let folder = try folder("Before ![gif](square.gif) after, and a linked badge [![b](badge.png)](https://example.com) here.\n")
        let page = try firstPage(folder, dpi: 144)
        let square = find((255, 0, 255), in: page, tolerance: 10)
        XCTAssertGreaterThan(square.count, 50)
        // The text's ink (dark pixels) on the same line.
        let text = find((30, 30, 30), in: page, tolerance: 60)
        let lineTop = text.minY, lineBottom = text.maxY
        let size = square.maxY - square.minY + 1
        XCTAssertEqual(square.maxX - square.minX + 1, size, accuracy: 2, "square stays square")
        // Scaled to the line: about the body size (10–12 pt at 144 dpi: 20–30 px), not its 40 px natural size × 2.
        XCTAssertLessThan(size, 40)
        XCTAssertGreaterThan(size, 14)
        XCTAssertGreaterThanOrEqual(square.minY, lineTop - 4)
        XCTAssertLessThanOrEqual(square.maxY, lineBottom + 4)
        // Between "Before" and "after": text ink on both sides.
        XCTAssertLessThan(text.minX, square.minX)
        XCTAssertGreaterThan(text.maxX, square.maxX)
        // The linked badge is on the line, and its link is in the PDF.
        XCTAssertGreaterThan(find((230, 120, 0), in: page, tolerance: 20).count, 50)
        let pdf = try render(folder, ["-o", "out.pdf"])
        XCTAssertEqual(pdf.status, 0, pdf.stderr)
        let text2 = try TestSupport.pdfText(folder.appendingPathComponent("out.pdf").path)
        XCTAssertTrue(text2.contains("Before after, and a linked badge here."), text2)
        XCTAssertFalse(text2.contains("\u{FFFC}"), "no object replacement character in the text")
        let links = try TestSupport.run(["qpdf", "--qdf", "--object-streams=disable", folder.appendingPathComponent("out.pdf").path, "-"])
        XCTAssertTrue(links.stdout.contains("https://example.com"))
    }

    func testDataURIsAreDecodedAndNeverPrintedWhole() throws {
        let png = try Data(contentsOf: Self.fixtures.appendingPathComponent("square.gif")).base64EncodedString()
        let svg = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20width='40'%20height='40'%3E"
            + "%3Crect%20width='40'%20height='40'%20fill='%2300ff00'/%3E%3C/svg%3E"
        let broken = "data:image/png;base64," + String(repeating: "A", count: 9000) + "!!"
        let folder = try folder("![a](data:image/gif;base64,\(png))\n\n![b](\(svg))\n\n![c](\(broken))\n")
        let run = try render(folder, ["-o", "out.pdf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let page = try firstPage(folder)
        XCTAssertGreaterThan(find((255, 0, 255), in: page, tolerance: 10).count, 400, "base64 GIF")
        XCTAssertGreaterThan(find((0, 255, 0), in: page, tolerance: 10).count, 400, "percent-encoded SVG")
        // The broken one: a warning at its line, short, and a placeholder showing its alt text.
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("warning:") }
        XCTAssertEqual(warnings.count, 1, run.stderr)
        XCTAssertTrue(warnings[0].hasPrefix("brief.md:10:1: warning: image 'data:image/png;base64,AAAA"), run.stderr)
        XCTAssertLessThan(run.stderr.count, 300, "the URI is cut in the message")
    }

    func testMissingRemoteAndUnreadableImagesWarnWithPlaceholdersInOneRun() throws {
        let folder = try folder("""
        ![Missing chart](missing.png)

        Badge ![Remote badge](https://img.example.com/b.svg) inline.

        ![Not an image](notes.txt)

        ![Also missing](gone/also.jpg)
        """)
        try TestSupport.write("just text", to: "notes.txt", in: folder)
        let run = try render(folder, ["-o", "out.pdf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let warnings = run.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") }
        XCTAssertEqual(warnings, [
            "brief.md:6:1: warning: image 'missing.png' does not exist; a placeholder is drawn",
            "brief.md:8:7: warning: remote image 'https://img.example.com/b.svg' is not fetched; a placeholder is drawn",
            "brief.md:10:1: warning: image 'notes.txt' is not a PNG, JPEG, GIF, WebP or SVG image; a placeholder is drawn",
            "brief.md:12:1: warning: image 'gone/also.jpg' does not exist; a placeholder is drawn",
        ], run.stderr)
        let text = try TestSupport.pdfText(folder.appendingPathComponent("out.pdf").path)
        for alt in ["Missing chart", "Badge Remote badge inline.", "Not an image", "Also missing"] {
            XCTAssertTrue(text.contains(alt), "placeholder shows '\(alt)': \(text)")
        }
        // Placeholder boxes are drawn (dashed frames), not images.
        XCTAssertEqual(try pdfImages(folder.appendingPathComponent("out.pdf").path).count, 0)
    }

    func testStrictTurnsWarningsIntoErrorsAndWritesNothing() throws {
        let folder = try folder("# T\n\n![Missing](missing.png)\n\n```timeline\nevents:\n  - { date: 2024-01, label: A }\n```\n")
        let render = try TestSupport.folio(["render", "brief.md", "--strict", "-o", "out.pdf"], in: folder)
        XCTAssertEqual(render.status, 1)
        XCTAssertTrue(render.stderr.hasPrefix("brief.md:8:1: error: image 'missing.png' does not exist"), render.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.pdf").path))
        let pages = try TestSupport.folio(["render", "brief.md", "--strict", "--format", "png", "-o", "pages"], in: folder)
        XCTAssertEqual(pages.status, 1)
        XCTAssertTrue(TestSupport.files(in: folder.appendingPathComponent("pages")).isEmpty)
        let check = try TestSupport.folio(["check", "brief.md", "--strict"], in: folder)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("brief.md:8:1: error: image"), check.stderr)
        let charts = try TestSupport.folio(["charts", "brief.md", "--strict", "-o", "charts"], in: folder)
        XCTAssertEqual(charts.status, 1, charts.stderr)
        XCTAssertTrue(TestSupport.files(in: folder.appendingPathComponent("charts")).isEmpty)
        try TestSupport.write("output: out\njobs:\n  - { name: one, source: brief.md }\n", to: "batch.yaml", in: folder)
        let batch = try TestSupport.folio(["batch", "batch.yaml", "--strict"], in: folder)
        XCTAssertEqual(batch.status, 1, batch.stdout + batch.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/one.pdf").path))
        let checkConfig = try TestSupport.folio(["check", "batch.yaml", "--strict"], in: folder)
        XCTAssertEqual(checkConfig.status, 1, checkConfig.stderr)
        XCTAssertTrue(checkConfig.stderr.contains("brief.md:8:1: error: image 'missing.png'"), checkConfig.stderr)
        // Without --strict all of them succeed, with the warning.
        let plain = try TestSupport.folio(["check", "brief.md"], in: folder)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stderr.contains("brief.md:8:1: warning: image 'missing.png'"), plain.stderr)
        let plainBatch = try TestSupport.folio(["batch", "batch.yaml"], in: folder)
        XCTAssertEqual(plainBatch.status, 0, plainBatch.stdout + plainBatch.stderr)
    }
}
