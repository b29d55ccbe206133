import Folio
import FolioTestSupport
import Foundation
import XCTest

/// The sample's PDF read back with qpdf: a structure tree in reading order, figures with alternative
/// text, table headers with a scope, artifacts outside the tree, and the PDF/UA and PDF/A parts.
final class TaggedPDFTests: XCTestCase {
    /// One render of the sample (plain) and one with both standards, shared by the tests.
    static let rendered: (plain: String, standards: String)? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-tagged-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let plain = folder.appendingPathComponent("sample.pdf").path
        let standards = folder.appendingPathComponent("sample-ua-a.pdf").path
        guard let first = try? TestSupport.folio(["render", TestSupport.sampleBriefing, "-o", plain]), first.status == 0,
              let second = try? TestSupport.folio(["render", TestSupport.sampleBriefing, "--pdf-standard", "ua-1",
                                                   "--pdf-standard", "a-2b", "-o", standards]), second.status == 0 else { return nil }
        return (plain, standards)
    }()

    func sample() throws -> (plain: String, standards: String) {
        try XCTUnwrap(Self.rendered, "could not render the sample with \(TestSupport.folioBinary)")
    }

    /// qpdf (and gnutls behind it) is not linked into folio: the tagging library beside it is opened
    /// on the first PDF. Without that library a PDF is an error that names it, and nothing is
    /// written; PNG pages, which never need it, still render.
    func testTaggingLibraryIsOpenedOnlyForPDFsAndItsAbsenceIsAnError() throws {
        let ldd = try TestSupport.run(["ldd", TestSupport.folioBinary])
        XCTAssertEqual(ldd.status, 0, ldd.stderr)
        XCTAssertTrue(ldd.stdout.contains("libcairo"), ldd.stdout)
        for library in ["libqpdf", "libgnutls"] { XCTAssertFalse(ldd.stdout.contains(library), "\(library) is linked into folio") }
        let binaries = (TestSupport.folioBinary as NSString).deletingLastPathComponent
        let library = try TestSupport.run(["ldd", binaries + "/libFolioPDFTags.so"])
        XCTAssertTrue(library.stdout.contains("libqpdf"), "the tagging library beside folio links qpdf: " + library.stdout)

        let folder = try TestSupport.temporaryFolder(for: self)
        let alone = folder.appendingPathComponent("bin/folio").path
        try FileManager.default.createDirectory(atPath: (alone as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.folioBinary, toPath: alone)
        let source = try TestSupport.write("# Alone\n\nA page of text.\n", to: "alone.md", in: folder)
        let output = folder.appendingPathComponent("alone.pdf").path
        let pdf = try TestSupport.run([alone, "render", source, "-o", output])
        XCTAssertEqual(pdf.status, 1, pdf.stderr)
        XCTAssertTrue(pdf.stderr.contains("error: cannot open libFolioPDFTags.so"), pdf.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output), "no PDF without its tags")
        let png = try TestSupport.run([alone, "render", source, "--format", "png", "-o", folder.appendingPathComponent("pages").path])
        XCTAssertEqual(png.status, 0, png.stderr)
        // Beside its library, the same folio writes a tagged PDF.
        try FileManager.default.copyItem(atPath: binaries + "/libFolioPDFTags.so", toPath: folder.appendingPathComponent("bin/libFolioPDFTags.so").path)
        let beside = try TestSupport.run([alone, "render", source, "-o", output])
        XCTAssertEqual(beside.status, 0, beside.stderr)
        XCTAssertTrue(try TestSupport.run(["pdfinfo", output]).stdout.contains("Tagged:          yes"))
    }

    /// Cairo's numbers are formatted by folio's own `__snprintf_chk` (CFastFormat): the program
    /// exports it, so Cairo's calls reach it rather than glibc's (sanitizer builds keep glibc's).
    func testFolioFormatsCairosNumbersItself() throws {
        let symbols = try TestSupport.run(["nm", "-D", "--defined-only", TestSupport.folioBinary])
        XCTAssertEqual(symbols.status, 0, symbols.stderr)
        if symbols.stdout.contains("__asan_") || symbols.stdout.contains("__tsan_") { throw XCTSkip("a sanitizer build") }
        XCTAssertTrue(symbols.stdout.contains(" T __snprintf_chk"), "folio exports __snprintf_chk")
    }

    func testStructureTreeHasTheSampleRolesInReadingOrder() throws {
        let tree = try PDFStructure(path: try sample().plain)
        let roles = tree.roles
        XCTAssertEqual(roles.first, "Document")
        XCTAssertEqual(tree.elements.filter { $0.depth == 0 }.count, 1, "one Document at the root")
        for role in ["H1", "H2", "P", "BlockQuote", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH", "TD",
                     "Figure", "Caption", "Link", "TOC", "TOCI"] {
            XCTAssertTrue(roles.contains(role), "no \(role) in the structure tree: \(Set(roles))")
        }
        // Headings in the order written: the cover title, the contents title, then the body's headings.
        let briefing = try BriefingLoader.load(path: TestSupport.sampleBriefing)
        var written: [String] = []
        func collect(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .heading(let heading): written.append("H\(heading.level)")
                case .quote(let inner): collect(inner)
                default: break
                }
            }
        }
        collect(briefing.blocks)
        let headings = roles.filter { $0.count == 2 && $0.hasPrefix("H") && $0.last?.isNumber == true }
        XCTAssertEqual(headings, ["H1", "H1"] + written)
        // A list item reads its label, then its body; a figure comes before its caption.
        for (index, element) in tree.elements.enumerated() where element.role == "LI" {
            XCTAssertEqual(tree.elements[index + 1].role, "Lbl")
            XCTAssertEqual(tree.elements[index + 2].role, "LBody")
        }
        let figures = tree.elements.indices.filter { tree.elements[$0].role == "Figure" }
        XCTAssertEqual(figures.count, 4, "four charts in the sample")
        for index in figures { XCTAssertEqual(tree.elements[index + 1].role, "Caption") }
        // Table rows: the head row holds TH only, body rows TD only.
        let table = try XCTUnwrap(roles.firstIndex(of: "Table"))
        XCTAssertEqual(Array(roles[table..<(table + 3)]), ["Table", "THead", "TR"])
    }

    func testEveryFigureHasAlternativeTextWrittenFromItsData() throws {
        let tree = try PDFStructure(path: try sample().plain)
        let alts = tree.elements.filter { $0.role == "Figure" }.map { $0.alt ?? "" }
        XCTAssertFalse(alts.isEmpty)
        for alt in alts { XCTAssertGreaterThan(alt.count, 40, "a figure without useful /Alt: \(alt)") }
        XCTAssertTrue(alts.contains { $0.hasPrefix("Timeline") && $0.contains("of 13 events") && $0.contains("to October 2025")
            && $0.contains("in two lanes") }, alts.joined(separator: "\n"))
        XCTAssertTrue(alts.contains { $0.hasPrefix("Organisation chart") && $0.contains("under Mark Zuckerberg")
            && $0.contains("compared with 2023: 1 added, 1 removed, 1 moved") }, alts.joined(separator: "\n"))
        XCTAssertTrue(alts.contains { $0.hasPrefix("Line chart") && $0.contains("405") }, alts.joined(separator: "\n"))
    }

    func testTableHeadersHaveAScopeAndLinksHaveContents() throws {
        let tree = try PDFStructure(path: try sample().plain)
        let headers = tree.elements.filter { $0.role == "TH" }
        XCTAssertFalse(headers.isEmpty)
        for header in headers {
            let attributes = try XCTUnwrap(header.dictionary["/A"] as? [String: Any], "TH without attributes")
            XCTAssertEqual(attributes["/O"] as? String, "/Table")
            XCTAssertEqual(attributes["/Scope"] as? String, "/Column")
        }
        var links = 0
        for page in tree.pages {
            let dict = try XCTUnwrap(tree.object(page) as? [String: Any])
            XCTAssertEqual(dict["/Tabs"] as? String, "/S", "page \(page) tabs not in structure order")
            for annotation in (dict["/Annots"] as? [Any] ?? []) {
                let annot = try XCTUnwrap(tree.dictionary(annotation))
                guard annot["/Subtype"] as? String == "/Link" else { continue }
                links += 1
                let contents = PDFStructure.text(annot["/Contents"] as? String ?? "")
                XCTAssertFalse(contents.isEmpty, "a link annotation without /Contents")
                XCTAssertNotNil(annot["/StructParent"], "a link annotation outside the structure tree")
            }
        }
        XCTAssertGreaterThan(links, 10)
    }

    func testCatalogHasLanguageMarkInfoAndDisplayDocTitle() throws {
        let tree = try PDFStructure(path: try sample().plain)
        XCTAssertEqual(tree.catalog["/Lang"] as? String, "u:en")
        XCTAssertEqual((tree.catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool, true)
        XCTAssertEqual((tree.catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool, true)
        XCTAssertNil(tree.catalog["/Metadata"], "XMP is written only for a standard")
        XCTAssertNil(tree.catalog["/OutputIntents"])
    }

    /// Every marked-content sequence with an MCID belongs to an element, and the running header and
    /// footer (the end of each page's content) are artifacts, never in the tree.
    func testArtifactsAreOutsideTheTreeAndEveryMCIDIsInIt() throws {
        let path = try sample().plain
        let tree = try PDFStructure(path: path)
        var inTree: [String: Set<Int>] = [:]
        for element in tree.elements { for (page, mcid) in element.content { inTree[page, default: []].insert(mcid) } }
        for (number, page) in tree.pages.enumerated() {
            let dict = try XCTUnwrap(tree.object(page) as? [String: Any])
            let contents = try XCTUnwrap(dict["/Contents"] as? String)
            let stream = try PDFStructure.streamData(path, object: contents)
            let mcids = Set(stream.components(separatedBy: "/MCID ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) })
            XCTAssertEqual(mcids, inTree[page] ?? [], "page \(number + 1): content and tree disagree")
            XCTAssertTrue(stream.contains("/Artifact BMC"), "page \(number + 1) has no artifact")
            if number > 0 {  // after the cover: the header and footer close the page, as an artifact
                let lastContent = try XCTUnwrap(stream.range(of: "/MCID", options: .backwards))
                XCTAssertTrue(stream.range(of: "/Artifact BMC", options: .backwards).map { $0.lowerBound > lastContent.upperBound } ?? false,
                              "page \(number + 1): the furniture is not an artifact")
            }
        }
    }

    func testStandardsAddIdentifiersAndOutputIntent() throws {
        let path = try sample().standards
        let tree = try PDFStructure(path: path)
        let metadata = try XCTUnwrap(tree.catalog["/Metadata"] as? String)
        let xmp = try PDFStructure.streamData(path, object: metadata)
        XCTAssertTrue(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), xmp)
        XCTAssertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), xmp)
        XCTAssertTrue(xmp.contains("Meta’s Llama Journey"))
        let intents = try XCTUnwrap(tree.catalog["/OutputIntents"] as? [Any])
        let intent = try XCTUnwrap(intents.first.flatMap(tree.dictionary))
        XCTAssertEqual(intent["/S"] as? String, "/GTS_PDFA1")
        let profile = try XCTUnwrap((intent["/DestOutputProfile"]).flatMap(tree.dictionary))
        XCTAssertEqual(profile["/N"] as? Int, 3)
        // The information dictionary agrees with the XMP (PDF/A), and the tree is there as without standards.
        let info = try XCTUnwrap(tree.trailer["/Info"].flatMap(tree.dictionary))
        let producer = PDFStructure.text(try XCTUnwrap(info["/Producer"] as? String))
        XCTAssertTrue(xmp.contains("<pdf:Producer>\(producer)</pdf:Producer>"), producer)
        XCTAssertTrue(tree.roles.contains("Figure"))
        // PDF/A: every annotation has flags with Print set.
        var annotations = 0
        for page in tree.pages {
            let dict = try XCTUnwrap(tree.object(page) as? [String: Any])
            for reference in (dict["/Annots"] as? [Any]) ?? [] {
                let annotation = try XCTUnwrap(tree.dictionary(reference))
                XCTAssertEqual((annotation["/F"] as? Int).map { $0 & 4 }, 4, "annotation \(reference) has no Print flag")
                annotations += 1
            }
        }
        XCTAssertGreaterThan(annotations, 10, "the sample's links")
        let check = try TestSupport.run(["qpdf", "--check", path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("No syntax or stream encoding errors"))
    }

    func testSamplePassesQpdfCheckAndIsIdenticalRunToRun() throws {
        let first = try sample().plain
        let check = try TestSupport.run(["qpdf", "--check", first])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let folder = try TestSupport.temporaryFolder(for: self)
        let second = folder.appendingPathComponent("again.pdf").path
        XCTAssertEqual(try TestSupport.folio(["render", TestSupport.sampleBriefing, "-o", second]).status, 0)
        XCTAssertEqual(FileManager.default.contents(atPath: first), FileManager.default.contents(atPath: second))
    }

    /// The command line has Cairo leave page content uncompressed (`CAIRO_DEBUG_PDF`), for qpdf's
    /// pass to compress: every stream of the file it writes is compressed all the same.
    func testPageContentIsCompressedInTheFileWritten() throws {
        let path = try sample().plain
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(text.contains(" Tf\n"), "no text operator is stored uncompressed")
        XCTAssertFalse(text.contains("BDC\n"), "no marked content is stored uncompressed")
        let streams = text.components(separatedBy: "\nstream\n").count - 1
        let filtered = text.components(separatedBy: "/Filter").count - 1
        let metadata = text.components(separatedBy: "/Type /Metadata").count - 1
        XCTAssertGreaterThan(streams, 9)
        XCTAssertEqual(filtered, streams - metadata, "every stream but XMP metadata is compressed")
    }

    func testImageWithoutAltTextUnderUA1IsAPositionedError() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let png = TestSupport.repoRoot.appendingPathComponent("Tests/FolioEndToEndTests/References/rtl-mixed.png").path
        try FileManager.default.copyItem(atPath: png, toPath: folder.appendingPathComponent("pic.png").path)
        let source = try TestSupport.write("---\ntitle: Pictures\n---\n\n# One\n\nText.\n\n![](pic.png)\n", to: "b.md", in: folder)
        let output = folder.appendingPathComponent("b.pdf").path
        let failed = try TestSupport.folio(["render", source, "--pdf-standard", "ua-1", "-o", output])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("b.md:9:1: error: an image without alternative text"), failed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output), "a failed render left a file")
        // Without the standard it renders; with alt text the figure carries it.
        XCTAssertEqual(try TestSupport.folio(["render", source, "-o", output]).status, 0)
        try TestSupport.write("---\ntitle: Pictures\n---\n\n# One\n\nText.\n\n![A test picture](pic.png)\n", to: "b.md", in: folder)
        let passed = try TestSupport.folio(["render", source, "--pdf-standard", "ua-1", "-o", output])
        XCTAssertEqual(passed.status, 0, passed.stderr)
        XCTAssertEqual(try PDFStructure(path: output).elements.first { $0.role == "Figure" }?.alt, "A test picture")
    }

    /// Words in a script that tells their language (Han, Hangul, Greek) are spans with their own
    /// `/Lang` inside the paragraph; the document's own language and plain Latin get none.
    func testRunsInAnotherScriptAreSpansWithTheirLanguage() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try TestSupport.write("""
            ---
            title: Languages
            lang: en
            ---

            The site AiToEarn官网 says 안녕하세요 and καλημέρα, then goes on in English.

            Plain English only, café included.
            """, to: "l.md", in: folder)
        let output = folder.appendingPathComponent("l.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", output], environment: TestSupport.pinnedFonts)
        XCTAssertEqual(run.status, 0, run.stderr)
        let tree = try PDFStructure(path: output)
        let spans = tree.elements.enumerated().filter { $0.element.role == "Span" }
        let languages = spans.compactMap { ($0.element.dictionary["/Lang"] as? String).map(PDFStructure.text) }
        XCTAssertEqual(languages, ["zh", "ko", "el"], "\(tree.roles)")
        for (index, span) in spans {
            XCTAssertFalse(span.content.isEmpty, "a span holds its marked content")
            let parent = tree.elements[..<index].last { $0.depth == span.depth - 1 }
            XCTAssertEqual(parent?.role, "P", "the span sits in its paragraph")
        }
        // Every MCID in the content is still in the tree.
        var inTree: [String: Set<Int>] = [:]
        for element in tree.elements { for (page, mcid) in element.content { inTree[page, default: []].insert(mcid) } }
        for page in tree.pages {
            let dict = try XCTUnwrap(tree.object(page) as? [String: Any])
            let stream = try PDFStructure.streamData(output, object: try XCTUnwrap(dict["/Contents"] as? String))
            let mcids = Set(stream.components(separatedBy: "/MCID ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) })
            XCTAssertEqual(mcids, inTree[page] ?? [])
        }
        // A Japanese document: its kana and kanji are its own language, not spans.
        let japanese = try TestSupport.write("---\ntitle: 日本語\nlang: ja\n---\n\nこれは日本語の文章です。\n", to: "j.md", in: folder)
        XCTAssertEqual(try TestSupport.folio(["render", japanese, "-o", output], environment: TestSupport.pinnedFonts).status, 0)
        XCTAssertFalse(try PDFStructure(path: output).roles.contains("Span"))
    }

    /// `pdf: { data-tables: true }`: each chart's Figure is followed in the tree by a table of its
    /// data (header cells scoped to their columns, every cell's text as /ActualText); nothing more is drawn.
    func testDataTablesFollowEachChartInTheTreeOnly() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let layout = try TestSupport.write("pdf: { data-tables: true }\n", to: "tables.yaml", in: folder)
        let plain = folder.appendingPathComponent("plain.pdf").path, tables = folder.appendingPathComponent("tables.pdf").path
        let emptyLayout = try TestSupport.write("pdf: { data-tables: false }\n", to: "plain.yaml", in: folder)
        for (layout, output) in [(layout, tables), (emptyLayout, plain)] {
            let run = try TestSupport.folio(["render", TestSupport.sampleBriefing, "--layout", layout, "-o", output])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let tree = try PDFStructure(path: tables)
        func text(_ element: PDFStructure.Element) -> String? { (element.dictionary["/ActualText"] as? String).map(PDFStructure.text) }
        var chartTables = 0
        for (index, element) in tree.elements.enumerated() where element.role == "Figure" {
            // Figure, its Caption, then the data table at the Figure's depth.
            guard let table = tree.elements[(index + 1)...].firstIndex(where: { $0.depth <= element.depth && $0.role != "Caption" }),
                  tree.elements[table].role == "Table" else { continue }
            chartTables += 1
            let cells = tree.elements[table...].prefix { $0.depth > element.depth || $0.role == "Table" }
            let headers = cells.filter { $0.role == "TH" }
            XCTAssertFalse(headers.isEmpty)
            XCTAssertTrue(headers.allSatisfy { text($0) != nil && ($0.dictionary["/A"].map { "\($0)".contains("Column") } ?? false) })
            XCTAssertTrue(cells.filter { $0.role == "TD" }.allSatisfy { text($0) != nil && $0.content.isEmpty }, "cells carry text, no drawn content")
            if headers.compactMap(text) == ["Date", "Event", "Lane", "Category"] {
                let events = cells.filter { $0.role == "TD" }.compactMap(text)
                XCTAssertTrue(events.contains("Llama 3.1 (405B, 70B, 8B)"), "\(events)")
                XCTAssertTrue(events.contains("2013-12") && events.contains("Industry") && events.contains("Rival launch"))
            }
        }
        XCTAssertEqual(chartTables, 4, "one table after each of the sample's four charts: \(tree.roles)")
        XCTAssertEqual(try PDFStructure(path: plain).roles.filter { $0 == "Table" }.count, 1, "without the option, only the drawn table")
        // The pages look the same: the tables are in the tree only.
        let text = { (path: String) in try TestSupport.run(["pdftotext", path, "-"]).stdout }
        XCTAssertEqual(try text(tables), try text(plain))
    }

    func testLayoutNamesStandardsAndUnknownOnesArePositionedErrors() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write("pdf:\n  standards: [ua-1]\n", to: "ua.yaml", in: folder)
        try TestSupport.write("pdf:\n  standards: [ua-2]\n", to: "bad.yaml", in: folder)
        let source = try TestSupport.write("---\ntitle: Short\nlang: de\n---\n\nEin Absatz.\n", to: "s.md", in: folder)
        let output = folder.appendingPathComponent("s.pdf").path
        let run = try TestSupport.folio(["render", source, "--layout", folder.appendingPathComponent("ua.yaml").path, "-o", output])
        XCTAssertEqual(run.status, 0, run.stderr)
        let tree = try PDFStructure(path: output)
        XCTAssertEqual(tree.catalog["/Lang"] as? String, "u:de")
        let xmp = try PDFStructure.streamData(output, object: try XCTUnwrap(tree.catalog["/Metadata"] as? String))
        XCTAssertTrue(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"))
        XCTAssertFalse(xmp.contains("pdfaid:part>"), "PDF/A was not asked for")
        XCTAssertNil(tree.catalog["/OutputIntents"])
        let bad = try TestSupport.folio(["render", source, "--layout", folder.appendingPathComponent("bad.yaml").path, "-o", output])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("bad.yaml:2:15: error: unknown PDF standard 'ua-2'"), bad.stderr)
        let usage = try TestSupport.folio(["render", source, "--pdf-standard", "x-1", "-o", output])
        XCTAssertEqual(usage.status, 2)
    }

    func testPNGPagesRecordTheirResolution() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try TestSupport.write("---\ntitle: Short\n---\n\nA paragraph.\n", to: "s.md", in: folder)
        let run = try TestSupport.folio(["render", source, "--format", "png", "--dpi", "110", "-o", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let png = try XCTUnwrap(FileManager.default.contents(atPath: folder.appendingPathComponent("s-001.png").path))
        let bytes = [UInt8](png)
        let tag = Array("pHYs".utf8)
        let at = try XCTUnwrap((0..<(bytes.count - 13)).first { Array(bytes[$0..<($0 + 4)]) == tag }, "no pHYs chunk")
        func word(_ offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        XCTAssertEqual(word(at + 4), 4331)  // 110 dpi in pixels per metre
        XCTAssertEqual(word(at + 8), 4331)
        XCTAssertEqual(bytes[at + 12], 1, "unit: metre")
    }

    func testChartSVGsCarryTitleAndDescription() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let run = try TestSupport.folio(["charts", TestSupport.sampleBriefing, "--format", "svg", "--format", "pdf", "-o", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let svg = try String(contentsOf: folder.appendingPathComponent("llama-journey-meta-ai-2025.svg"), encoding: .utf8)
        let root = try XCTUnwrap(svg.range(of: "<svg"))
        let title = try XCTUnwrap(svg.range(of: "<title>Meta AI after the TBD restructuring</title>"))
        XCTAssertLessThan(root.lowerBound, title.lowerBound)
        XCTAssertTrue(svg.contains("<desc>Organisation chart “Meta AI after the TBD restructuring” of 4 units under Mark Zuckerberg; compared with 2023: 1 added, 1 removed, 1 moved."), svg.prefix(900).description)
        let pdf = try PDFStructure(path: folder.appendingPathComponent("llama-journey-meta-ai-2025.pdf").path)
        XCTAssertEqual(pdf.roles, ["Document", "Figure"])
        XCTAssertTrue(pdf.elements[1].alt?.hasPrefix("Organisation chart") ?? false)
    }
}
