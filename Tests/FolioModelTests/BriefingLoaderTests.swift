import FolioModel
import FolioTestSupport
import XCTest

final class BriefingLoaderTests: XCTestCase {
    func load(_ markdown: String, files: [String: String] = [:]) throws -> Briefing {
        let folder = try TestSupport.temporaryFolder(for: self)
        for (name, text) in files { try TestSupport.write(text, to: name, in: folder) }
        return try BriefingLoader.load(path: TestSupport.write(markdown, to: "doc.md", in: folder))
    }

    /// The diagnostic thrown by loading `markdown`, or a failure.
    func diagnostic(_ markdown: String, files: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try load(markdown, files: files)
            XCTFail("expected an error", file: file, line: line)
        } catch let diagnostic as Diagnostic {
            return diagnostic
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

    func testFrontMatterFillsMetadata() throws {
        let briefing = try load("""
        ---
        title: "Meta's Llama Journey"
        subtitle: From Glory to Crisis
        date: 2025-11-01
        authors: ["Folio Research Desk", "A. N. Other"]
        lang: en-GB
        keywords: [Meta, Llama]
        ---
        # First
        Body.
        """)
        XCTAssertEqual(briefing.metadata.title, "Meta's Llama Journey")
        XCTAssertEqual(briefing.metadata.subtitle, "From Glory to Crisis")
        XCTAssertEqual(briefing.metadata.date, "2025-11-01")
        XCTAssertEqual(briefing.metadata.displayDate, "1 November 2025")
        XCTAssertEqual(briefing.metadata.authors, ["Folio Research Desk", "A. N. Other"])
        XCTAssertEqual(briefing.metadata.lang, "en-GB")
        XCTAssertEqual(briefing.metadata.keywords, ["Meta", "Llama"])
        XCTAssertEqual(briefing.layout.name, "briefing")
    }

    func testBodyPositionsCountFrontMatterLines() throws {
        let briefing = try load("---\ntitle: T\n---\n\n# Heading\n\nText\n")
        XCTAssertEqual(briefing.blocks.map(\.location.line), [5, 7])
        XCTAssertEqual(briefing.blocks.first?.location.column, 1)
    }

    /// Unknown keys are allowed (templates read them as page.KEY); a near miss of a known key warns.
    func testUnknownFrontMatterKeySuggestsTheClosest() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let log = DiagnosticLog()
        let path = try TestSupport.write("---\ntitle: T\nsubtitel: S\nweight: 3\n---\nText\n", to: "doc.md", in: folder)
        let briefing = try BriefingLoader.load(path: path, log: log)
        XCTAssertEqual(briefing.metadata.title, "T")
        XCTAssertEqual(log.diagnostics.count, 1, "\(log.diagnostics)")
        let warning = log.diagnostics.first
        XCTAssertEqual(warning?.severity, .warning)
        XCTAssertEqual(warning?.location.line, 3)
        XCTAssertEqual(warning?.location.column, 1)
        XCTAssertTrue(warning?.message.contains("unknown front-matter key 'subtitel'") == true, warning?.message ?? "")
        XCTAssertEqual(warning?.hints, ["did you mean 'subtitle'?"])
    }

    func testMalformedFrontMatterPointsAtTheLine() throws {
        let error = diagnostic("---\ntitle: T\nauthors: [a, b\n---\nText\n")
        XCTAssertTrue(error?.message.hasPrefix("invalid YAML") == true, error?.message ?? "")
        XCTAssertGreaterThanOrEqual(error?.location.line ?? 0, 3)
    }

    /// CRLF files (Windows editors) have front matter too; it was once read as body text.
    func testFrontMatterOfACRLFFile() throws {
        let briefing = try load("---\r\ntitle: Windows\r\n---\r\n\r\n# Heading\r\n\r\nText\r\n")
        XCTAssertEqual(briefing.metadata.title, "Windows")
        XCTAssertEqual(briefing.blocks.map(\.location.line), [5, 7])
        let split = try FrontMatter(splitting: "---\r\na: 1\r\n...\r\nBody", file: "x.md")
        XCTAssertEqual(split.yaml, "a: 1\r")
        XCTAssertEqual(split.body, "Body")
        XCTAssertEqual(split.bodyLineOffset, 3)
    }

    func testFrontMatterSplitsAtTheFirstClosingLine() throws {
        let split = try FrontMatter(splitting: "---\na: 1\nb: 2\n---\nBody\n---\nmore", file: "x.md")
        XCTAssertEqual(split.yaml, "a: 1\nb: 2")
        XCTAssertEqual(split.body, "Body\n---\nmore")
        XCTAssertEqual(split.bodyLineOffset, 4)
        let empty = try FrontMatter(splitting: "---\n---\n", file: "x.md")
        XCTAssertEqual(empty.yaml, "")
        XCTAssertEqual(empty.body, "")
        let none = try FrontMatter(splitting: "# Title\n---\n", file: "x.md")
        XCTAssertNil(none.yaml)
        XCTAssertEqual(none.body, "# Title\n---\n")
        XCTAssertThrowsError(try FrontMatter(splitting: "---", file: "x.md"))
        XCTAssertThrowsError(try FrontMatter(splitting: "---\n", file: "x.md"))
    }

    /// A `---` block whose YAML is no mapping is no front matter (CommonMark: a thematic break and
    /// setext headings), with a warning at its first line; a mapping is still front matter.
    func testNonMappingBlockIsMarkdownWithAWarning() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let log = DiagnosticLog()
        let briefing = try BriefingLoader.load(path: TestSupport.write("---\nFoo\n---\nBar\n---\nBaz\n", to: "doc.md", in: folder), log: log)
        XCTAssertEqual(briefing.blocks.map(\.location.line), [1, 2, 4, 6])
        XCTAssertEqual(briefing.blocks.first?.kind, .thematicBreak)
        let headings = briefing.blocks.compactMap { block -> Int? in
            if case .heading(let heading) = block.kind { return heading.level } else { return nil }
        }
        XCTAssertEqual(headings, [2, 2])
        let warning = log.diagnostics.first { $0.message.contains("not front matter") }
        XCTAssertEqual(warning?.location.line, 2, "\(log.diagnostics)")
        XCTAssertTrue(warning?.message.contains("'Foo'") == true, warning?.message ?? "")
        let list = try BriefingLoader.load(path: TestSupport.write("---\n- a\n- b\n---\nText\n", to: "list.md", in: folder), log: log)
        XCTAssertEqual(list.blocks.first?.kind, .thematicBreak)
        let mapping = DiagnosticLog()
        let titled = try BriefingLoader.load(path: TestSupport.write("---\ntitle: T\n---\nText\n", to: "titled.md", in: folder), log: mapping)
        XCTAssertEqual(titled.metadata.title, "T")
        XCTAssertEqual(titled.blocks.map(\.location.line), [4])
        XCTAssertFalse(mapping.diagnostics.contains { $0.message.contains("not front matter") })
    }

    func testUnclosedFrontMatter() {
        let error = diagnostic("---\ntitle: T\n\nText\n")
        XCTAssertEqual(error?.location.line, 1)
        XCTAssertTrue(error?.message.contains("never closed") == true)
    }

    func testInvalidDate() {
        let error = diagnostic("---\ndate: 2025-13-45\n---\nText\n")
        XCTAssertEqual(error?.location.line, 2)
        XCTAssertEqual(error?.location.column, 7)
        XCTAssertTrue(error?.message.contains("not a valid date") == true)
    }

    func testUnknownLayoutSuggests() {
        let error = diagnostic("---\nlayout: landscpe\n---\nText\n")
        XCTAssertEqual(error?.location.line, 2)
        XCTAssertEqual(error?.hints, ["did you mean 'landscape'?"])
    }

    func testMissingDataFileAndImage() throws {
        let data = diagnostic("---\ndata: [nope.yaml]\n---\nText\n")
        XCTAssertEqual(data?.location.line, 2)
        XCTAssertTrue(data?.message.contains("does not exist") == true)
        // A missing image is a warning at its position (a placeholder stands in for it).
        let folder = try TestSupport.temporaryFolder(for: self)
        let log = DiagnosticLog()
        _ = try BriefingLoader.load(path: TestSupport.write("Intro\n\n![A chart](missing.png)\n", to: "doc.md", in: folder), log: log)
        let image = log.diagnostics.first
        XCTAssertEqual(image?.severity, .warning)
        XCTAssertEqual(image?.location.line, 3)
        XCTAssertTrue(image?.message.contains("'missing.png' does not exist") == true, image?.message ?? "")
    }

    func testEmptyAndInvalidUTF8Files() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let empty = try TestSupport.write("  \n\n", to: "empty.md", in: folder)
        XCTAssertThrowsError(try BriefingLoader.load(path: empty)) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.contains("empty") == true)
        }
        let bad = folder.appendingPathComponent("bad.md")
        try Data([0x4F, 0x6B, 0x0A, 0x61, 0xFF, 0xFE]).write(to: bad)
        XCTAssertThrowsError(try BriefingLoader.load(path: bad.path)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.location.line, 2)
            XCTAssertEqual(diagnostic?.location.column, 2)
            XCTAssertTrue(diagnostic?.message.contains("UTF-8") == true)
        }
    }

    func testSettingsOverrideFrontMatter() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let path = try TestSupport.write("---\ntitle: Old\n---\nText\n", to: "doc.md", in: folder)
        let briefing = try BriefingLoader.load(path: path, options: LoadOptions(settings: [("title", "New"), ("authors", "[A, B]")]))
        XCTAssertEqual(briefing.metadata.title, "New")
        XCTAssertEqual(briefing.metadata.authors, ["A", "B"])
        XCTAssertThrowsError(try BriefingLoader.load(path: path, options: LoadOptions(settings: [("titel", "X")]))) { error in
            XCTAssertEqual((error as? Diagnostic)?.hints, ["did you mean 'title'?"])
        }
    }

    func testDataTableFenceAndUnknownTable() throws {
        let data = "tables:\n  releases:\n    columns: [Name, Date]\n    rows:\n      - [\"Llama 1\", \"2023-02\"]\n"
        let briefing = try load("---\ndata: d.yaml\n---\n```table\nuse: releases\n```\n", files: ["d.yaml": data])
        guard case .table(let table) = briefing.blocks.first?.kind else { return XCTFail("expected a table") }
        XCTAssertEqual(table.header.map(\.plainText), ["Name", "Date"])
        XCTAssertEqual(table.rows.first?.map(\.plainText), ["Llama 1", "2023-02"])
        let error = diagnostic("---\ndata: d.yaml\n---\n```table\nuse: relases\n```\n", files: ["d.yaml": data])
        XCTAssertEqual(error?.location.line, 5)
        XCTAssertEqual(error?.hints, ["did you mean 'releases'?"])
    }

    func testRaggedDataTableRowIsAnError() {
        let data = "tables:\n  t:\n    columns: [A, B]\n    rows:\n      - [x]\n"
        let error = diagnostic("---\ndata: d.yaml\n---\nText\n", files: ["d.yaml": data])
        XCTAssertTrue(error?.location.file.hasSuffix("d.yaml") == true)
        XCTAssertEqual(error?.location.line, 5)
    }

    func testTitleFallsBackToFirstHeading() throws {
        XCTAssertEqual(try load("# The Heading\n\nText").metadata.title, "The Heading")
    }
}
