import FolioModel
import FolioTestSupport
import XCTest

final class MarkdownModelTests: XCTestCase {
    func blocks(_ markdown: String) throws -> [Block] {
        let folder = try TestSupport.temporaryFolder(for: self)
        return try BriefingLoader.load(path: TestSupport.write(markdown, to: "doc.md", in: folder)).blocks
    }

    func testInlineRunsKeepTheirStyles() throws {
        let result = try blocks("Text with **bold**, *italic*, `code`, [a link](https://ai.meta.com), ~~gone~~ and 中文.")
        guard case .paragraph(let inlines) = result.first?.kind else { return XCTFail("expected a paragraph") }
        XCTAssertTrue(inlines.contains(.strong([.text("bold")])))
        XCTAssertTrue(inlines.contains(.emphasis([.text("italic")])))
        XCTAssertTrue(inlines.contains(.code("code")))
        XCTAssertTrue(inlines.contains(.link(url: "https://ai.meta.com", [.text("a link")])))
        XCTAssertTrue(inlines.contains(.strikethrough([.text("gone")])))
        XCTAssertTrue(inlines.plainText.hasSuffix("and 中文."))
    }

    func testNestedListsQuotesCodeAndBreaks() throws {
        let result = try blocks("""
        - one
          1. nested
          2. numbered
        - two

        > **Tian Yuandong**: a quote

        ```swift
        let x = 1
        ```

        ---

        <!-- pagebreak -->

        | A | B |
        |---|--:|
        | 1 | 2 |
        """)
        let kinds = result.map { block -> String in
            switch block.kind {
            case .list: return "list"
            case .quote: return "quote"
            case .code: return "code"
            case .thematicBreak: return "rule"
            case .pageBreak: return "pagebreak"
            case .table: return "table"
            default: return "other"
            }
        }
        XCTAssertEqual(kinds, ["list", "quote", "code", "rule", "pagebreak", "table"])
        guard case .list(let list) = result[0].kind, case .list(let nested) = list.items[0].last?.kind else {
            return XCTFail("expected a nested list")
        }
        XCTAssertFalse(list.ordered)
        XCTAssertTrue(nested.ordered)
        XCTAssertEqual(nested.items.count, 2)
        guard case .code(let language, let text) = result[2].kind else { return XCTFail("expected code") }
        XCTAssertEqual(language, "swift")
        XCTAssertEqual(text, "let x = 1")
        guard case .table(let table) = result[5].kind else { return XCTFail("expected a table") }
        XCTAssertEqual(table.alignments, [.left, .right])
        XCTAssertEqual(result[5].location.line, 16)
    }

    func testChartFencesGetIds() throws {
        let result = try blocks("```timeline\ntitle: Inline\nevents: []\n```\n\n```orgchart\nuse: meta-ai-2025\n```\n")
        guard case .chart(let first) = result[0].kind, case .chart(let second) = result[1].kind else {
            return XCTFail("expected two charts")
        }
        XCTAssertEqual(first.kind, .timeline)
        XCTAssertEqual(first.id, "timeline-1")
        XCTAssertEqual(first.bodyLocation.line, 2)
        XCTAssertEqual(second.id, "meta-ai-2025")
        let twice = try blocks("```orgchart\nuse: org\n```\n\n```orgchart\nuse: org\n```\n")
        let ids = twice.compactMap { block -> String? in if case .chart(let chart) = block.kind { return chart.id } else { return nil } }
        XCTAssertEqual(ids, ["org", "org-2"], "chart ids must be unique: they name files")
    }

    func testHeadingsGetAnchorsInOrder() throws {
        let result = try blocks("# One\n\n## Two\n\n# Three\n")
        let anchors = result.compactMap { block -> String? in
            if case .heading(let heading) = block.kind { return heading.anchor } else { return nil }
        }
        XCTAssertEqual(anchors, ["sec-1", "sec-2", "sec-3"])
    }

    func testRemoteImagesAreNotFetchedButWarned() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let log = DiagnosticLog()
        let result = try BriefingLoader.load(path: TestSupport.write("![x](https://example.com/a.png)", to: "doc.md", in: folder), log: log).blocks
        guard case .image(let block) = result.first?.kind else { return XCTFail("expected an image block") }
        XCTAssertFalse(block.image.isDrawable)
        XCTAssertEqual(log.diagnostics.count, 1)
        XCTAssertTrue(log.diagnostics.first?.message.contains("remote image 'https://example.com/a.png' is not fetched") == true)
    }
}
