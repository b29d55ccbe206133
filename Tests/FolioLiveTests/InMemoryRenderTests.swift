import Folio
import FolioTestSupport
import Foundation
import XCTest

/// The in-memory library API: strings and bytes in, bytes out, with the file pipeline's diagnostics.
final class InMemoryRenderTests: XCTestCase {
    nonisolated(unsafe) static let renderer: Renderer = { (try? Renderer())! }()

    /// The sample briefing and its data files, read into memory.
    static func sampleInput() throws -> BriefingInput {
        let folder = TestSupport.repoRoot.appendingPathComponent("Assets/briefings")
        var files: [String: Data] = [:]
        for name in ["llama-data.yaml", "llama-timeline.yaml", "llama-org.yaml"] {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        let text = try String(contentsOf: folder.appendingPathComponent("llama-journey.md"), encoding: .utf8)
        return BriefingInput(name: "llama-journey.md", text: text, files: files)
    }

    func testSampleRendersToTheSamePDFAsFromFiles() throws {
        let memory = try Self.renderer.render(Self.sampleInput())
        XCTAssertEqual(memory.files.count, 1)
        let folder = try TestSupport.temporaryFolder(for: self)
        let pdf = folder.appendingPathComponent("memory.pdf")
        try XCTUnwrap(memory.files.first).write(to: pdf)
        let check = try TestSupport.run(["qpdf", "--check", pdf.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let text = try TestSupport.pdfText(pdf.path)
        XCTAssertTrue(text.contains("From FAIR to GenAI"), "the body text is in the PDF")
        XCTAssertTrue(text.contains("Llama"), text.prefix(200).description)

        let fromFile = try Self.renderer.layout(source: TestSupport.sampleBriefing)
        XCTAssertEqual(memory.pageCount, fromFile.0.pageCount)
        XCTAssertFalse(memory.outline.isEmpty)
        XCTAssertEqual(memory.outline.first(where: { $0.title.contains("From FAIR to GenAI") })?.level, 1)
    }

    func testErrorsNameTheInMemoryFilesAtTheirPositions() throws {
        let input = BriefingInput(name: "report.md", text: "---\ntitle: T\ndata: [kpis.yaml]\n---\n\nText.\n",
                                  files: ["kpis.yaml": Data("tables:\n  kpis:\n    - [unclosed\n".utf8)])
        XCTAssertThrowsError(try Self.renderer.render(input)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.location.file, "kpis.yaml")
            XCTAssertGreaterThanOrEqual(diagnostic?.location.line ?? 0, 3, "\(error)")
        }
        let missing = BriefingInput(name: "report.md", text: "---\ntitle: T\ndata: [nothere.yaml]\n---\n\nText.\n")
        XCTAssertThrowsError(try Self.renderer.render(missing)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description.hasPrefix("report.md:3:8: error: data file 'nothere.yaml' does not exist"), true,
                           "\(error)")
        }
        let badFrontMatter = BriefingInput(text: "---\ntitle: [\n---\n\nText.\n")
        XCTAssertThrowsError(try Self.renderer.render(badFrontMatter)) { error in
            XCTAssertEqual((error as? Diagnostic)?.location.file, "briefing.md", "\(error)")
        }
    }

    func testNothingOutsideTheGivenFilesIsRead() throws {
        for path in ["/etc/hostname", "../../../../etc/hostname", "sub/../../x.yaml"] {
            let input = BriefingInput(text: "---\ntitle: T\ndata: [\"\(path)\"]\n---\n\nText.\n")
            XCTAssertThrowsError(try Self.renderer.render(input), path) { error in
                XCTAssertTrue("\(error)".contains("cannot be read"), "\(path): \(error)")
            }
        }
        let image = BriefingInput(text: "# T\n\n![x](/usr/share/pixmaps/debian-logo.png)\n")
        XCTAssertThrowsError(try Self.renderer.render(image)) { error in
            XCTAssertTrue("\(error)".contains("cannot be read"), "\(error)")
        }
    }

    func testImagesAndLayoutComeFromMemory() throws {
        let sink = DataSink()
        let red = DisplayItem.rect(RectItem(rect: Rect(x: 0, y: 0, width: 200, height: 100), fill: Color(red: 1, green: 0, blue: 0)))
        try ImageWriter(fonts: Self.renderer.fonts).writePNG([red], size: Size(width: 200, height: 100), dpi: 72, to: sink)
        let layout = "page:\n  size: A5\n  orientation: landscape\ncover: false\ntoc: false\n"
        let input = BriefingInput(text: "# Pictures\n\n![A red block](images/red.png)\n", files: ["images/red.png": sink.data], layout: layout)
        let rendered = try Self.renderer.render(input, format: .png, dpi: 72)
        XCTAssertEqual(rendered.pageCount, 1)
        let folder = try TestSupport.temporaryFolder(for: self)
        let page = folder.appendingPathComponent("page.png")
        try XCTUnwrap(rendered.files.first).write(to: page)
        let image = try XCTUnwrap(TestImage(contentsOfPNG: page.path))
        XCTAssertGreaterThan(image.width, image.height, "the layout's landscape A5 page")
        XCTAssertEqual(image.width, 595, accuracy: 2)
        var redPixels = 0
        for y in 0..<image.height { for x in 0..<image.width where image[x, y, 0] > 200 && image[x, y, 1] < 60 && image[x, y, 2] < 60 { redPixels += 1 } }
        XCTAssertGreaterThan(redPixels, 10_000, "the in-memory PNG is drawn (200×100 pt)")

        let svg = try Self.renderer.render(input, format: .svg)
        XCTAssertEqual(svg.files.count, 1)
        XCTAssertTrue(String(decoding: try XCTUnwrap(svg.files.first), as: UTF8.self).contains("<svg"))
    }

    func testLayoutErrorsNameLayoutYAML() throws {
        let input = BriefingInput(text: "# T\n\nText.\n", layout: "page:\n  size: Tabloid-ish\n")
        XCTAssertThrowsError(try Self.renderer.render(input)) { error in
            XCTAssertEqual((error as? Diagnostic)?.location.file, "layout.yaml", "\(error)")
            XCTAssertEqual((error as? Diagnostic)?.location.line, 2, "\(error)")
        }
    }
}
