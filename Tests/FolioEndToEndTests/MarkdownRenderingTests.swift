import Folio
import FolioDisplay
import FolioTestSupport
import Foundation
import XCTest

/// Section 7 of the contract end to end: task boxes, alerts, heading ids and internal links,
/// cross-references, highlighted code and content-sized table columns, checked in the PDF (text,
/// link annotations, destinations), in the warnings, and in page pixels.
final class MarkdownRenderingTests: XCTestCase {
    static let document = """
        ---
        title: Extras
        data: d.yaml
        ---
        # Intro {#top}

        See [the setup](#setup-steps), [](#people), [](#sizes) and [nowhere](#nope).

        ## Setup steps

        - [ ] open task
        - [x] done task

        1) first
        2) second

        > [!WARNING]
        > Be careful.

        ```table
        use: people
        id: people
        caption: Who does what
        ```

        ```chart
        type: bar
        use: people
        id: sizes
        x: Name
        y: Size
        ```

        ```swift
        let answer = 42 // comment
        ```
        """

    static let data = """
        tables:
          people:
            columns: [Name, Description, Slack, Size]
            rows:
              - ["Alice", "Works on the rendering pipeline and reviews every pull request that touches text layout, line breaking or fonts in detail", "Slack", "3"]
              - ["Bob", "Contact", "Yes", "5"]
        """

    /// The rendered document in a fresh folder: its PDF path and the command's standard error.
    func render() throws -> (pdf: String, stderr: String, folder: URL) {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write(Self.data, to: "d.yaml", in: folder)
        let source = try TestSupport.write(Self.document, to: "doc.md", in: folder)
        let pdf = folder.appendingPathComponent("doc.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", pdf], environment: TestSupport.pinnedFonts)
        XCTAssertEqual(run.status, 0, run.stderr)
        return (pdf, run.stderr, folder)
    }

    func testTextHasNoRawSyntax() throws {
        let text = try TestSupport.pdfText(try render().pdf)
        for raw in ["[ ]", "[x]", "[!WARNING]", "{#top}", "1. first", "Sla-", "Con-"] { XCTAssertFalse(text.contains(raw), "'\(raw)' in: \(text)") }
        for shown in ["open task", "done task", "1) first", "2) second", "Warning Be careful.", "Intro",
                      "See the setup, Table 1, Figure 1 and nowhere.", "Table 1. Who does what", "Slack 3 Bob Contact Yes 5"] {
            XCTAssertTrue(text.contains(shown), "'\(shown)' missing from: \(text)")
        }
    }

    func testDeadLinkIsAWarningAtItsPosition() throws {
        let stderr = try render().stderr
        XCTAssertTrue(stderr.contains("doc.md:7:60: warning: no heading, figure or table has the id 'nope'"), stderr)
        XCTAssertFalse(stderr.contains("'setup-steps'"), stderr)
        XCTAssertFalse(stderr.contains("'people'"), stderr)
    }

    func testInternalLinksPointAtDestinations() throws {
        let (pdf, _, folder) = try render()
        let expanded = folder.appendingPathComponent("plain.pdf").path
        XCTAssertEqual(try TestSupport.run(["qpdf", "--qdf", "--object-streams=disable", pdf, expanded]).status, 0)
        let objects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: expanded)), as: UTF8.self).components(separatedBy: "endobj")
        let dests = try TestSupport.run(["pdfinfo", "-dests", pdf]).stdout
        for name in ["setup-steps", "people", "sizes"] {
            XCTAssertTrue(objects.contains { $0.contains("/Subtype /Link") && $0.contains("/Dest (\(name))") }, "a link to \(name)")
            XCTAssertTrue(dests.contains("\"\(name)\""), "a destination named \(name): \(dests)")
        }
        XCTAssertTrue(dests.contains("\"top\"") && dests.contains("\"intro\""), "heading id and slug are destinations")
    }

    func testBoxesCalloutsAndHighlightingInTheDisplayList() throws {
        let (_, _, folder) = try render()
        let (document, _) = try Renderer().layout(source: folder.appendingPathComponent("doc.md").path)
        let items = (1...document.pageCount).flatMap { document.page($0).items }
        let accent = try XCTUnwrap(Color(hex: "#0b5cad")), warning = try XCTUnwrap(Color(hex: "#9a6700"))
        let rects = items.compactMap { if case .rect(let rect) = $0 { return rect } else { return nil } }
        XCTAssertTrue(rects.contains { $0.stroke != nil && $0.fill == .white && $0.rect.width == $0.rect.height }, "an open task box")
        XCTAssertTrue(rects.contains { $0.fill == accent && $0.rect.width == $0.rect.height }, "a ticked task box")
        XCTAssertTrue(items.contains { if case .path(let path) = $0 { return path.stroke?.color == .white } else { return false } }, "its tick")
        XCTAssertTrue(rects.contains { $0.fill == warning && $0.rect.width == 3 }, "the warning callout's bar")
        let spans = items.flatMap { item -> [TextSpan] in if case .text(let text) = item { return text.line.spans } else { return [] } }
        XCTAssertEqual(spans.first { $0.text == "let" }?.style.color, Color(hex: "#cf222e"), "the keyword in the layout's keyword colour")
        XCTAssertEqual(spans.first { $0.text.contains("// comment") }?.style.font.italic, true)
    }

    /// The highlighter (source-highlight, and boost and ICU behind it) is loaded when a code block
    /// asks for it (`libFolioHighlight.so` beside the binary), not linked: at start it cost every run 14 ms.
    func testFolioLoadsTheHighlighterOnlyWhenAsked() throws {
        let ldd = try TestSupport.run(["ldd", TestSupport.folioBinary])
        XCTAssertEqual(ldd.status, 0, ldd.stderr)
        XCTAssertTrue(ldd.stdout.contains("libcairo"), ldd.stdout)
        for library in ["libsource-highlight", "libboost_regex"] {
            XCTAssertFalse(ldd.stdout.contains(library), "\(library) is linked into folio")
        }
        let folder = (TestSupport.folioBinary as NSString).deletingLastPathComponent
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/libFolioHighlight.so"), "the highlighter is built beside folio")
    }

    /// A folio without its highlighter beside it sets code plain and says so once, at the first fence
    /// that names a language; it still renders.
    func testMissingHighlighterIsOneWarningAndPlainCode() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let alone = folder.appendingPathComponent("bin/folio").path
        try FileManager.default.createDirectory(atPath: (alone as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.folioBinary, toPath: alone)
        // With its tagging library (every PDF needs it), without its highlighter.
        let binaries = (TestSupport.folioBinary as NSString).deletingLastPathComponent
        try FileManager.default.copyItem(atPath: binaries + "/libFolioPDFTags.so", toPath: folder.appendingPathComponent("bin/libFolioPDFTags.so").path)
        let source = try TestSupport.write("# Code\n\n```swift\nlet a = 1\n```\n\n```python\nx = 2\n```\n", to: "code.md", in: folder)
        let output = folder.appendingPathComponent("code.pdf").path
        let run = try TestSupport.run([alone, "render", source, "-o", output])
        XCTAssertEqual(run.status, 0, run.stderr)
        let warnings = run.stderr.components(separatedBy: "\n").filter { $0.contains("warning: code is set plain") }
        XCTAssertEqual(warnings.count, 1, run.stderr)
        XCTAssertTrue(warnings.first?.contains("code.md:3:1:") ?? false, run.stderr)
        XCTAssertTrue(try TestSupport.run(["pdftotext", output, "-"]).stdout.contains("let a = 1"))
        // Beside its highlighter, no warning.
        let beside = try TestSupport.folio(["render", source, "-o", output])
        XCTAssertEqual(beside.status, 0, beside.stderr)
        XCTAssertFalse(beside.stderr.contains("set plain"), beside.stderr)
    }

    func testHighlightedCodeShowsColourInPixels() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        func redPixels(_ fence: String) throws -> Int {
            let source = try TestSupport.write("---\ntitle: Code\n---\n```\(fence)\nreturn return return return\n```\n", to: "\(fence.isEmpty ? "plain" : fence).md", in: folder)
            let out = folder.appendingPathComponent("png-\(fence)")
            XCTAssertEqual(try TestSupport.folio(["render", source, "--format", "png", "--dpi", "100", "-o", out.path],
                                                 environment: TestSupport.pinnedFonts).status, 0)
            let page = try XCTUnwrap(TestImage(contentsOfPNG: out.appendingPathComponent(TestSupport.files(in: out).last ?? "").path))
            var count = 0
            for y in 0..<page.height { for x in 0..<page.width where page[x, y, 0] > 150 && page[x, y, 1] < 110 && page[x, y, 2] < 110 { count += 1 } }
            return count
        }
        XCTAssertGreaterThan(try redPixels("swift"), 20, "keywords drawn in red")
        XCTAssertEqual(try redPixels(""), 0, "a fence without a language stays plain")
    }
}
