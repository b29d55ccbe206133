@testable import FolioModel
import FolioTestSupport
import XCTest

/// Task lists, alerts, heading ids and slugs, internal links, `1)` lists, whitespace and entities in the model.
final class MarkdownExtensionTests: XCTestCase {
    func load(_ markdown: String, log: DiagnosticLog = DiagnosticLog()) throws -> Briefing {
        let folder = try TestSupport.temporaryFolder(for: self)
        return try BriefingLoader.load(path: TestSupport.write(markdown, to: "doc.md", in: folder), log: log)
    }

    func testTaskItemsCarryTheirState() throws {
        let blocks = try load("- [ ] open\n- [x] done\n- plain\n").blocks
        guard case .list(let list)? = blocks.first?.kind else { return XCTFail("expected a list") }
        XCTAssertEqual(list.tasks, [false, true, nil])
        XCTAssertEqual(list.items[0].first?.kind, .paragraph([.text("open")]), "the box syntax is not in the text")
        guard case .list(let plain)? = try load("- a\n- b\n").blocks.first?.kind else { return XCTFail("expected a list") }
        XCTAssertTrue(plain.tasks.isEmpty)
    }

    func testAlertsOfEveryKind() throws {
        for kind in AlertBlock.Kind.allCases {
            let blocks = try load("> [!\(kind.rawValue.uppercased())]\n> Body text.\n").blocks
            guard case .alert(let alert)? = blocks.first?.kind else { return XCTFail("expected an alert for \(kind)") }
            XCTAssertEqual(alert.kind, kind)
            XCTAssertEqual(alert.blocks.first?.kind, .paragraph([.text("Body text.")]))
        }
        guard case .quote? = try load("> [!NOTE] not alone\n").blocks.first?.kind else { return XCTFail("a marker with text stays a quote") }
        guard case .quote? = try load("> [!OTHER]\n> x\n").blocks.first?.kind else { return XCTFail("an unknown kind stays a quote") }
    }

    func testHeadingIdsAndSlugs() throws {
        let sections = try load("# Overview {#top}\n\n## What's new? (2.0)\n\n## What's new? (2.0)\n\n## Ünïcode Ärger\n").sections
        XCTAssertEqual(sections.map(\.content.plainText), ["Overview", "What's new? (2.0)", "What's new? (2.0)", "Ünïcode Ärger"])
        XCTAssertEqual(sections.map(\.ids), [["top", "overview"], ["whats-new-20"], ["whats-new-20-1"], ["ünïcode-ärger"]])
        XCTAssertEqual(sections.map(\.anchor), ["sec-1", "sec-2", "sec-3", "sec-4"], "outline anchors stay")
    }

    func testSlugsFollowGitHub() {
        XCTAssertEqual(MarkdownParser.slug("Hello, World!"), "hello-world")
        XCTAssertEqual(MarkdownParser.slug("snake_case and-dash"), "snake_case-and-dash")
        XCTAssertEqual(MarkdownParser.slug("  two  spaces "), "--two--spaces-")
        XCTAssertEqual(MarkdownParser.slug("C++ & Rust"), "c--rust")
    }

    func testDeadInternalLinksWarnAtTheirPosition() throws {
        let log = DiagnosticLog()
        _ = try load("# Intro {#intro}\n\nSee [intro](#intro), [heading](#sec-1) and\nthen [gone](#missing).\n", log: log)
        let warnings = log.diagnostics.filter { $0.severity == .warning }
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        let warning = try XCTUnwrap(warnings.first)
        XCTAssertTrue(warning.message.contains("'missing'"), warning.message)
        XCTAssertEqual(warning.location.line, 4)
        XCTAssertEqual(warning.location.column, 6)
    }

    func testTableFenceAndChartIdsAreLinkTargets() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write("tables:\n  t:\n    columns: [a]\n    rows: [[\"1\"]]\n", to: "d.yaml", in: folder)
        let path = try TestSupport.write("---\ndata: d.yaml\n---\n```table\nuse: t\nid: first\n```\n\n[](#first)\n", to: "doc.md", in: folder)
        let log = DiagnosticLog()
        let briefing = try BriefingLoader.load(path: path, log: log)
        guard case .table(let table)? = briefing.blocks.first?.kind else { return XCTFail("expected a table") }
        XCTAssertEqual(table.id, "first")
        XCTAssertTrue(log.diagnostics.isEmpty, "\(log.diagnostics)")
    }

    func testParenthesisListsWhitespaceAndEntities() throws {
        let briefing = try load("1) one\n2) two\n\nwide   gap\tand\t\ttabs &#xD06;\n")
        guard case .list(let list)? = briefing.blocks.first?.kind else { return XCTFail("expected a list") }
        XCTAssertTrue(list.parenthesis)
        XCTAssertEqual(briefing.blocks.last?.kind, .paragraph([.text("wide gap and tabs \u{0D06}")]))
        XCTAssertTrue(briefing.characters.contains(0x0D06), "a character written as an entity is given a font")
        XCTAssertEqual(try load("é  漢\t\t x   ü\n").blocks.first?.kind, .paragraph([.text("é 漢 x ü")]), "runs beside multi-byte characters")
    }

    func testHeadingIdIsNotATemplateComment() throws {
        let briefing = try load("# Title {#main}\n\n{# a comment #}text\n")
        XCTAssertEqual(briefing.sections.first?.ids.first, "main")
        XCTAssertEqual(briefing.blocks.last?.kind, .paragraph([.text("text")]))
        // Ids alone keep the template fast path; a comment or a tag does not.
        XCTAssertFalse(TemplateScanner.hasTags("# A {#a}\n## B {#b-2 .wide}\n## Ü {#ü}\n"))
        XCTAssertTrue(TemplateScanner.hasTags("# A {#a}\n{# note #}"))
        XCTAssertTrue(TemplateScanner.hasTags("{{ x }}"))
        XCTAssertTrue(TemplateScanner.hasTags("{# x}"))
    }
}
