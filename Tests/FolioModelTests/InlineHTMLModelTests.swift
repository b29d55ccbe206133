import FolioModel
import FolioTestSupport
import Foundation
import XCTest

/// Raw HTML and images in the model: tags paired into styles, text of other HTML kept, warnings
/// once per tag name at their position, `{width=…}` and `<img width>`, `data:` URIs.
final class InlineHTMLModelTests: XCTestCase {
    func load(_ markdown: String, files: [String: Data] = [:]) throws -> (blocks: [Block], warnings: [Diagnostic]) {
        let folder = try TestSupport.temporaryFolder(for: self)
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        let log = DiagnosticLog()
        let briefing = try BriefingLoader.load(path: TestSupport.write(markdown, to: "doc.md", in: folder), log: log)
        return (briefing.blocks, log.diagnostics)
    }

    func paragraph(_ markdown: String) throws -> [Inline] {
        guard case .paragraph(let inlines) = try load(markdown).blocks.first?.kind else { XCTFail("expected a paragraph"); return [] }
        return inlines
    }

    static let gif = Data(base64Encoded: "R0lGODdhAgADAIAAAP8A/wAAACwAAAAAAgADAAACAoRRADs=") ?? Data()

    func testHonouredInlineTags() throws {
        let inlines = try paragraph("a<br>b <code>x()</code> <kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup> <b>B</b> <i>I</i> "
                                    + "<em>E</em> <strong>S</strong> <u>U</u> <mark>M</mark> <a href=\"https://e.org\">L</a>")
        XCTAssertTrue(inlines.contains(.lineBreak))
        XCTAssertTrue(inlines.contains(.code("x()")))
        XCTAssertTrue(inlines.contains(.styled(.keyboard, [.text("Ctrl")])))
        XCTAssertTrue(inlines.contains(.styled(.subscript, [.text("2")])))
        XCTAssertTrue(inlines.contains(.styled(.superscript, [.text("2")])))
        XCTAssertTrue(inlines.contains(.strong([.text("B")])))
        XCTAssertTrue(inlines.contains(.emphasis([.text("I")])))
        XCTAssertTrue(inlines.contains(.emphasis([.text("E")])))
        XCTAssertTrue(inlines.contains(.strong([.text("S")])))
        XCTAssertTrue(inlines.contains(.styled(.underline, [.text("U")])))
        XCTAssertTrue(inlines.contains(.styled(.mark, [.text("M")])))
        XCTAssertTrue(inlines.contains(.link(url: "https://e.org", [.text("L")])))
        XCTAssertEqual(inlines.plainText, "a\nb x() Ctrl H2O x2 B I E S U M L")
    }

    func testNestedTagsAndUnclosedTags() throws {
        let inlines = try paragraph("<b>bold <i>both</i></b> then <u>open to the end")
        XCTAssertEqual(inlines.first, .strong([.text("bold "), .emphasis([.text("both")])]))
        XCTAssertEqual(inlines.last, .styled(.underline, [.text("open to the end")]))
    }

    func testOtherTagsKeepTextAndWarnOncePerTagAtTheirPosition() throws {
        let (blocks, warnings) = try load("One <font color=red>red</font>\nand <font>again</font> <span>span</span> <blink>b</blink>\n")
        guard case .paragraph(let inlines) = blocks.first?.kind else { return XCTFail("expected a paragraph") }
        XCTAssertEqual(inlines.plainText, "One red and again span b")
        XCTAssertEqual(warnings.map(\.description), [
            "\(warnings.first?.location.file ?? ""):1:5: warning: HTML tag <font> is not honoured; its text is kept",
            "\(warnings.first?.location.file ?? ""):2:42: warning: HTML tag <blink> is not honoured; its text is kept",
        ])
    }

    func testScriptContentIsDroppedWithAWarning() throws {
        let (blocks, warnings) = try load("Text <script>alert(1)</script> end\n")
        guard case .paragraph(let inlines) = blocks.first?.kind else { return XCTFail("expected a paragraph") }
        XCTAssertEqual(inlines.plainText, "Text  end")
        XCTAssertEqual(warnings.count, 1)
    }

    func testBlockHTMLKeepsItsTextAndEmptyBlocksVanish() throws {
        let (blocks, warnings) = try load("<div align=\"center\">\n  Centred <b>text</b>\n</div>\n\n<details>\n<summary>More</summary>\n\nInside.\n\n</details>\n\n<div></div>\n\n<!-- a comment -->\n")
        let texts = blocks.map { block -> String in
            if case .paragraph(let inlines) = block.kind { return inlines.plainText }
            return "?"
        }
        XCTAssertEqual(texts, ["Centred text", "More", "Inside."])
        XCTAssertEqual(warnings, [])
    }

    func testBreakInTableCells() throws {
        guard case .table(let table) = try load("| A |\n|---|\n| one<br>two |\n").blocks.first?.kind else { return XCTFail("expected a table") }
        XCTAssertEqual(table.rows[0][0], [.text("one"), .lineBreak, .text("two")])
    }

    func testImageWidthsAndBlockOrInline() throws {
        let files = ["a.gif": Self.gif]
        let (blocks, warnings) = try load("![A](a.gif){width=50%}\n\n![B](a.gif){width=4cm #fig-b}\n\nText ![C](a.gif) and <img src=\"a.gif\" width=\"60\" alt=\"D\">.\n\n[![E](a.gif)](https://x.org)\n", files: files)
        XCTAssertEqual(warnings, [])
        guard case .image(let a) = blocks[0].kind, case .image(let b) = blocks[1].kind else { return XCTFail("expected figures: \(blocks)") }
        XCTAssertEqual(a.image.width, .percent(50))
        XCTAssertEqual(a.image.format, .gif)
        XCTAssertEqual(a.image.naturalWidth, 1.5)
        XCTAssertEqual(a.image.naturalHeight, 2.25)
        XCTAssertEqual(b.image.width, .points(4 * 72 / 2.54))
        XCTAssertEqual(b.image.id, "fig-b")
        guard case .paragraph(let inline) = blocks[2].kind else { return XCTFail("expected a paragraph") }
        let pictures = inline.compactMap { if case .picture(let image) = $0 { return image }; return nil }
        XCTAssertEqual(pictures.map(\.alt), ["C", "D"])
        XCTAssertEqual(pictures.last?.width, .points(45))
        guard case .paragraph(let linked) = blocks[3].kind, case .link(let url, let inner) = linked.first,
              case .picture(let badge) = inner.first else { return XCTFail("expected a linked inline image: \(blocks[3])") }
        XCTAssertEqual(url, "https://x.org")
        XCTAssertEqual(badge.alt, "E")
    }

    func testDataURIs() throws {
        let base64 = "data:image/gif;base64," + Self.gif.base64EncodedString()
        let percent = "data:image/svg+xml,%3Csvg%20width='30'%20height='15'%3E%3C/svg%3E"
        let (blocks, warnings) = try load("![g](\(base64))\n\n![s](\(percent))\n\n![bad](data:image/png;base64,\(String(repeating: "Q", count: 5000))!)\n")
        guard case .image(let g) = blocks[0].kind, case .image(let s) = blocks[1].kind, case .image(let bad) = blocks[2].kind else {
            return XCTFail("expected three figures")
        }
        XCTAssertEqual(g.image.format, .gif)
        XCTAssertEqual(g.image.data?.bytes, Self.gif)
        XCTAssertEqual(s.image.format, .svg)
        XCTAssertEqual(s.image.naturalWidth, 22.5)
        XCTAssertFalse(bad.image.isDrawable)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertLessThan(warnings[0].message.count, 150, warnings[0].message)
        XCTAssertLessThan(bad.image.target.count, 70)
    }

    func testSVGSizeFromViewBox() throws {
        let svg = Data("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 100' width='200'></svg>".utf8)
        let (blocks, _) = try load("![v](v.svg)\n", files: ["v.svg": svg])
        guard case .image(let v) = blocks[0].kind else { return XCTFail("expected a figure") }
        XCTAssertEqual(v.image.naturalWidth, 150)
        XCTAssertEqual(v.image.naturalHeight, 37.5)
    }

    func testImgHeightKeepsProportionsAndBadAttributesWarn() throws {
        let (blocks, warnings) = try load("Badge <img src=\"a.gif\" height=\"30\"> and ![x](a.gif){width=huge} end.\n", files: ["a.gif": Self.gif])
        guard case .paragraph(let inlines) = blocks.first?.kind else { return XCTFail("expected a paragraph") }
        let pictures = inlines.compactMap { if case .picture(let image) = $0 { return image }; return nil }
        XCTAssertEqual(pictures.first?.width, .points(15), "30 px tall, 2:3: 20 px (15 pt) wide")
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.message.contains("'{width=huge}' are not understood") == true, warnings.first?.message ?? "")
        XCTAssertEqual(warnings.first?.location.column, 41)
    }

    func testHTMLTableCellsKeepApartAndDeepNestingStops() throws {
        let (blocks, _) = try load("<table>\n<tr><td>Ada</td><td>Lovelace</td></tr>\n<tr><td>Alan</td><td>Turing</td></tr>\n</table>\n")
        guard case .paragraph(let inlines) = blocks.first?.kind else { return XCTFail("expected a paragraph") }
        XCTAssertEqual(inlines.plainText, "Ada Lovelace\nAlan Turing")
        let deep = String(repeating: "<b>", count: 5000) + "x" + String(repeating: "</b>", count: 5000)
        let (nested, _) = try load("Deep " + deep + " end\n")
        guard case .paragraph(let text) = nested.first?.kind else { return XCTFail("expected a paragraph") }
        XCTAssertEqual(text.plainText, "Deep x end")
    }

    func testAnImageUsedTwiceIsReadOnceButEveryMissingUseWarns() throws {
        let (blocks, warnings) = try load("![a](a.gif){width=50%} and ![b](a.gif)\n\n![x](gone.png)\n\nAgain ![y](gone.png).\n", files: ["a.gif": Self.gif])
        guard case .paragraph(let inlines) = blocks.first?.kind else { return XCTFail("expected a paragraph") }
        let pictures = inlines.compactMap { if case .picture(let image) = $0 { return image }; return nil }
        XCTAssertEqual(pictures.map(\.alt), ["a", "b"])
        XCTAssertEqual(pictures.map(\.width), [.percent(50), nil], "attributes belong to one use")
        XCTAssertEqual(pictures.map(\.location.column), [1, 28])
        XCTAssertEqual(warnings.map(\.location.line), [3, 5])
        XCTAssertEqual(warnings.map(\.location.column), [1, 7])
    }
}
