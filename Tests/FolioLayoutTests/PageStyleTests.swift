import FolioDisplay
@testable import FolioLayout
import FolioModel
import FolioTestSupport
import XCTest

/// Footnotes, page number styles, the watermark, columns and turned pages, on whole documents
/// laid out with the fixed-advance measurer.
final class PageStyleTests: LayoutTestCase {
    func document(_ markdown: String, layoutYAML: String) throws -> PagedDocument {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write(layoutYAML, to: "Layouts/custom.yaml", in: folder)
        let path = try TestSupport.write(markdown, to: "doc.md", in: folder)
        return try DocumentLayout.layout(BriefingLoader.load(path: path, options: LoadOptions(layout: "custom")), measurer: measurer)
    }

    func anchors(_ page: Page) -> [AnchorItem] {
        page.items.compactMap { if case .anchor(let anchor) = $0 { return anchor } else { return nil } }
    }

    func links(_ page: Page) -> [LinkItem] {
        page.items.compactMap { if case .link(let link) = $0 { return link } else { return nil } }
    }

    func testFootnoteIsSetAtTheFootOfTheCitingPageAndLinkedBothWays() throws {
        let body = filler(3) + " A claim.[^src]\n\n" + filler(3) + "\n\n[^src]: The source of the claim.\n"
        let document = try self.document("---\ntitle: T\n---\n" + body, layout: "landscape")
        XCTAssertEqual(document.pageCount, 1)
        let page = document.page(1)
        let note = try XCTUnwrap(texts(page).first { $0.line.text.contains("The source of the claim.") })
        let mark = try XCTUnwrap(texts(page).first { $0.line.text.contains("claim.¹") })
        XCTAssertGreaterThan(note.origin.y, mark.origin.y)
        XCTAssertGreaterThan(note.origin.y, texts(page).filter { $0.line.text.hasPrefix("Sentence") }.map(\.origin.y).max() ?? 0,
                             "the note sits below all the body text")
        XCTAssertTrue(texts(page).contains { $0.line.text == "1" && $0.origin.x < note.origin.x }, "the note's number")
        XCTAssertEqual(Set(anchors(page).map(\.name)).intersection(["fn-1", "fnref-1"]), ["fn-1", "fnref-1"])
        let targets = links(page).map(\.target)
        XCTAssertTrue(targets.contains(.anchor("fn-1")), "mark → note")
        XCTAssertTrue(targets.contains(.anchor("fnref-1")), "note → mark")
        XCTAssertTrue(page.items.contains { if case .line = $0 { return true } else { return false } }, "the separator rule")
    }

    func testFootnotesAreNumberedInTheOrderOfFirstCitation() throws {
        let body = "First[^b] and second[^a] and again[^b].\n\n[^a]: Note A.\n\n[^b]: Note B.\n"
        let page = try self.document("---\ntitle: T\n---\n" + body, layout: "landscape").page(1)
        let all = texts(page).map(\.line.text)
        XCTAssertTrue(all.contains { $0.contains("First¹ and second² and again¹.") }, "\(all)")
        let noteB = try XCTUnwrap(texts(page).first { $0.line.text == "Note B." })
        let noteA = try XCTUnwrap(texts(page).first { $0.line.text == "Note A." })
        XCTAssertLessThan(noteB.origin.y, noteA.origin.y, "note 1 (b) above note 2 (a)")
    }

    func testFrontMatterIsNumberedApartInRomanNumerals() throws {
        let layout = "page: { numbers: { style: arabic, front: roman } }\nfooter: { center: \"{page}/{pages}\" }\n"
        let body = (1...3).map { "# Part \($0)\n\n" + filler(2) }.joined(separator: "\n\n<!-- pagebreak -->\n\n")
        let document = try self.document("---\ntitle: T\n---\n" + body, layoutYAML: layout)
        XCTAssertEqual(document.frontPageCount, 2)
        XCTAssertEqual(document.furnitureValues(page: 2)["page"], "ii")
        XCTAssertEqual(document.furnitureValues(page: 2)["pages"], "ii")
        XCTAssertEqual(document.furnitureValues(page: 3)["page"], "1")
        XCTAssertEqual(document.furnitureValues(page: 5)["pages"], "3")
        XCTAssertTrue(texts(document.page(3)).contains { $0.line.text == "1/3" })
        // The contents list gives body numbers.
        XCTAssertEqual(texts(document.page(2)).filter { ["1", "2", "3"].contains($0.line.text) }.count, 3)
        XCTAssertEqual(LayoutSpec.NumberStyle.upperRoman.format(1994), "MCMXCIV")
        XCTAssertEqual(LayoutSpec.NumberStyle.roman.format(4), "iv")
    }

    func testWatermarkFromTheFrontMatterIsStampedTurnedOnEveryPage() throws {
        let document = try self.document("---\ntitle: T\nwatermark: DRAFT\n---\n" + filler(400), layout: "landscape")
        XCTAssertGreaterThan(document.pageCount, 1)
        for number in 1...document.pageCount {
            let stamp = document.page(number).items.compactMap { item -> GroupItem? in
                if case .group(let group) = item, group.rotation != 0 { return group } else { return nil }
            }.first
            let group = try XCTUnwrap(stamp, "page \(number)")
            XCTAssertEqual(group.rotation, -Double.pi / 4, accuracy: 1e-9)
            guard case .text(let text) = group.items.first else { return XCTFail("no stamp text") }
            XCTAssertEqual(text.line.text, "DRAFT")
            XCTAssertLessThan(text.line.spans[0].style.color.alpha, 0.5, "translucent")
        }
        let plain = try self.document("---\ntitle: T\n---\nText.\n", layout: "landscape")
        XCTAssertFalse(plain.page(1).items.contains { if case .group(let group) = $0 { return group.rotation != 0 } else { return false } })
    }

    func testLandscapeLayoutSetsTwoColumnsOfReadableMeasure() throws {
        let document = try self.document("---\ntitle: T\n---\n# Title\n\n" + filler(60), layout: "landscape")
        let layout = document.theme.layout
        XCTAssertEqual(layout.columns, 2)
        let body = texts(document.page(2)).filter { $0.line.text.contains("Sentence") }
        let half = layout.margins.left + layout.contentWidth / 2
        XCTAssertTrue(body.contains { $0.origin.x > half }, "text in the right column")
        XCTAssertTrue(body.allSatisfy { $0.origin.x < half ? $0.origin.x + $0.line.width <= half : true }, "left column stays left")
        let widest = body.map { $0.line.text.count }.max() ?? 0
        XCTAssertTrue((60...90).contains(widest), "characters per line: \(widest)")
    }

    func testLandscapePagesInsideAPortraitDocumentAreTurned() throws {
        let body = "Portrait text.\n\n<!-- pagebreak landscape -->\n\n" + filler(6) + "\n\n<!-- pagebreak portrait -->\n\nBack.\n"
        let document = try self.document("---\ntitle: T\n---\n" + body)
        let sizes = (1...document.pageCount).map { document.page($0).size }
        let turnedPages = sizes.indices.filter { sizes[$0].width > sizes[$0].height }
        XCTAssertEqual(turnedPages.count, 1)
        let turned = document.page(turnedPages[0] + 1)
        XCTAssertTrue(texts(turned).contains { $0.line.text.hasPrefix("Sentence 0") })
        XCTAssertFalse(texts(turned).contains { $0.line.text == "Back." })
        // Header and footer across the turned page's own width.
        let right = document.theme.layout.margins.right
        let furnitureRight = texts(turned).filter { $0.origin.y < document.theme.layout.margins.top || $0.origin.y > turned.size.height - 60 }
            .map { $0.origin.x + $0.line.width }.max() ?? 0
        XCTAssertEqual(furnitureRight, turned.size.width - right, accuracy: 0.5)
        XCTAssertTrue(texts(turned).allSatisfy { $0.origin.x + $0.line.width <= turned.size.width - right + 0.5 })
    }

    func testAFenceWithOrientationLandscapeGetsATurnedPageAndFloatFalseStaysPut() throws {
        let data = "tables:\n  t:\n    columns: [a, b]\n    rows:\n      - [\"1\", \"2\"]\n"
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write(data, to: "data.yaml", in: folder)
        let markdown = "---\ntitle: T\ndata: data.yaml\n---\nBefore.\n\n```table\nuse: t\norientation: landscape\ncaption: Wide\n```\n\nAfter.\n"
        let path = try TestSupport.write(markdown, to: "doc.md", in: folder)
        let briefing = try BriefingLoader.load(path: path)
        guard case .table = briefing.blocks[1].kind else { return XCTFail("not a table") }
        XCTAssertEqual(briefing.blocks[1].placement.orientation, .landscape)
        let document = try DocumentLayout.layout(briefing, measurer: measurer)
        let turned = (1...document.pageCount).filter { document.size(ofPage: $0).width > document.size(ofPage: $0).height }
        XCTAssertEqual(turned.count, 1)
        XCTAssertTrue(texts(document.page(turned[0])).contains { $0.line.text.contains("Wide") })
        XCTAssertTrue(document.bodyUnits.contains { $0.floats }, "a table may float by default")

        let fixed = "---\ntitle: T\ndata: data.yaml\n---\nBefore.\n\n```table\nuse: t\nfloat: false\n```\n"
        let fixedPath = try TestSupport.write(fixed, to: "fixed.md", in: folder)
        let fixedBriefing = try BriefingLoader.load(path: fixedPath)
        XCTAssertEqual(fixedBriefing.blocks[1].placement.float, false)
        XCTAssertFalse(try DocumentLayout.layout(fixedBriefing, measurer: measurer).bodyUnits.contains { $0.floats }, "float: false")
        let bad = "---\ntitle: T\ndata: data.yaml\n---\n```table\nuse: t\norientation: sideways\n```\n"
        let badPath = try TestSupport.write(bad, to: "bad.md", in: folder)
        XCTAssertThrowsError(try BriefingLoader.load(path: badPath)) { error in
            XCTAssertTrue("\(error)".contains("bad.md:7:"), "\(error)")
        }
    }

    func testTwentyFiguresOfMixedSizesLeaveNoUnderfullPage() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let sizes = [(600, 200), (500, 500), (640, 900), (300, 220), (620, 380), (700, 1000), (400, 300)]
        var markdown = "---\ntitle: Figures\n---\n"
        for index in 0..<20 {
            let (width, height) = sizes[index % sizes.count]
            try TestImage(width: width, height: height, fill: 90).writePNG(to: folder.appendingPathComponent("f\(index).png").path)
            markdown += filler(6 + index % 5, seed: index * 10) + "\n\n![Figure \(index)](f\(index).png)\n\n" + filler(3, seed: index) + "\n\n"
        }
        let path = try TestSupport.write(markdown, to: "doc.md", in: folder)
        let document = try DocumentLayout.layout(BriefingLoader.load(path: path), measurer: measurer)
        let layout = document.theme.layout
        var figureOrder: [Double] = []
        // Pages before the last one with body text (after it only the last floats remain).
        let lastText = (1...document.pageCount).last { number in texts(document.page(number)).contains { $0.line.text.hasPrefix("Sentence") } } ?? 0
        for number in (document.frontPageCount + 1)...document.pageCount {
            let page = document.page(number)
            let images = page.items.compactMap { if case .image(let image) = $0 { return image } else { return nil } }
            figureOrder += images.map { Double(number) * 10_000 + $0.rect.minY }
            guard number < lastText else { continue }
            let lowest = page.items.compactMap { item -> Double? in
                switch item {
                case .text(let text) where text.origin.y < layout.pageHeight - layout.margins.bottom: return text.origin.y
                case .image(let image): return image.rect.maxY
                default: return nil
                }
            }.max() ?? 0
            XCTAssertGreaterThan(lowest, layout.pageHeight * 0.7, "page \(number) underfull")
        }
        XCTAssertEqual(figureOrder.count, 20)
        XCTAssertEqual(figureOrder, figureOrder.sorted(), "figures in order")
    }
}
