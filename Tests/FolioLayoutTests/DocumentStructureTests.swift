import FolioDisplay
@testable import FolioLayout
import FolioModel
import XCTest

final class DocumentStructureTests: LayoutTestCase {
    let markdown = """
    ---
    title: Report
    subtitle: A subtitle
    date: 2025-11-01
    authors: [Desk]
    ---
    # Alpha

    Some text with a [link](https://example.com).

    ## Alpha one

    More text.

    <!-- pagebreak -->

    # Beta

    Final words.
    """

    func testCoverContentsAndBodyPages() throws {
        let document = try self.document(markdown)
        // Cover, contents, then two body pages (the page break).
        XCTAssertEqual(document.pageCount, 4)
        let cover = texts(document.page(1)).map(\.line.text)
        XCTAssertTrue(cover.contains("Report"))
        XCTAssertTrue(cover.contains("A subtitle"))
        XCTAssertTrue(cover.contains("1 November 2025"))
        let contents = texts(document.page(2)).map(\.line.text)
        XCTAssertTrue(contents.contains("Contents"))
        XCTAssertTrue(contents.contains("Alpha") && contents.contains("Alpha one") && contents.contains("Beta"))
    }

    func testContentsPageNumbersPointAtTheHeadings() throws {
        let document = try self.document(markdown)
        let expected = Dictionary(uniqueKeysWithValues: document.headings.map { ($0.mark.title, $0.page) })
        XCTAssertEqual(expected["Alpha"], 3)
        XCTAssertEqual(expected["Beta"], 4)
        // Each contents entry's number sits on the same baseline as its title, and its link targets the anchor.
        let page = document.page(2)
        let items = texts(page)
        for (title, pageNumber) in expected {
            guard let entry = items.first(where: { $0.line.text == title }) else { return XCTFail("no entry \(title)") }
            let number = items.first { $0.line.text == String(pageNumber) && abs($0.origin.y - entry.origin.y) < 0.01 }
            XCTAssertNotNil(number, "entry \(title) should show page \(pageNumber)")
        }
        let links = page.items.compactMap { item -> String? in
            if case .link(let link) = item, case .anchor(let name) = link.target { return name } else { return nil }
        }
        XCTAssertEqual(Set(links), Set(document.headings.map(\.mark.anchor)))
        // And the anchors really are on those pages, with outline entries.
        for (mark, pageNumber) in document.headings {
            let anchors = document.page(pageNumber).items.compactMap { item -> AnchorItem? in
                if case .anchor(let anchor) = item { return anchor } else { return nil }
            }
            XCTAssertTrue(anchors.contains { $0.name == mark.anchor && $0.outlineTitle == mark.title })
        }
    }

    func testRunningHeaderAndFooterFillTheirTemplates() throws {
        let document = try self.document(markdown)
        let body = texts(document.page(4)).map(\.line.text)
        XCTAssertTrue(body.contains("Report"), "header {title}")
        XCTAssertTrue(body.contains("Beta"), "header {section}")
        XCTAssertTrue(body.contains("Page 4 of 4"), "footer {page} of {pages}")
        XCTAssertTrue(body.contains("1 November 2025"), "footer {date}")
        XCTAssertFalse(texts(document.page(1)).map(\.line.text).contains("Page 1 of 4"), "the cover has no footer")
    }

    func testLandscapeLayoutNumbersHeadingsAndSkipsTheCover() throws {
        let document = try self.document(markdown, layout: "landscape")
        XCTAssertEqual(document.pageSize, Size(width: 792, height: 612))
        XCTAssertEqual(document.headings.map(\.mark.title), ["1  Alpha", "1.1  Alpha one", "2  Beta"])
        XCTAssertTrue(texts(document.page(1)).map(\.line.text).contains("Contents"))
    }

    func testLinksBecomeLinkItemsOverTheirText() throws {
        let document = try self.document(markdown)
        let page = document.page(3)
        let link = page.items.compactMap { item -> LinkItem? in if case .link(let link) = item { return link } else { return nil } }
            .first { $0.target == .uri("https://example.com") }
        let text = texts(page).first { $0.line.text.contains("link") && $0.line.text.hasPrefix("Some") }
        XCTAssertNotNil(link)
        XCTAssertNotNil(text)
        if let link, let text {
            // "Some text with a " is 17 characters at 0.5 em.
            XCTAssertEqual(link.rect.minX, text.origin.x + 17 * 0.5 * 10.5, accuracy: 0.01)
            XCTAssertEqual(link.rect.width, 4 * 0.5 * 10.5, accuracy: 0.01)
        }
    }

    func testJustifiedLinesFillTheMeasureExceptTheLast() throws {
        let document = try self.document("---\ntitle: T\n---\n" + filler(12) + " Sentence end.")
        let width = try LayoutLoader.defaults().contentWidth
        let body = texts(document.page(document.pageCount)).filter { $0.line.text.contains("Sentence") }
        XCTAssertGreaterThan(body.count, 2)
        for line in body.dropLast() { XCTAssertEqual(line.line.justifiedWidth ?? 0, width, accuracy: 0.001) }
        XCTAssertNil(body.last?.line.justifiedWidth)
        for line in body { XCTAssertLessThanOrEqual(line.line.width, width + 0.001) }
    }

    func testDisplayDumpIsStable() throws {
        let document = try self.document("---\ntitle: T\n---\nHello **world**.\n", layout: "landscape")
        let dump = DisplayDump.dump(document.page(1))
        XCTAssertTrue(dump.hasPrefix("page 1 792x612\n"), dump)
        XCTAssertTrue(dump.contains("text (64.8,"), dump)
        XCTAssertTrue(dump.contains("\"Hello world.\""), dump)
        XCTAssertEqual(dump, DisplayDump.dump(try self.document("---\ntitle: T\n---\nHello **world**.\n", layout: "landscape").page(1)))
    }
}
