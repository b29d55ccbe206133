import FolioDisplay
@testable import FolioLayout
import FolioModel
import FolioTestSupport
import XCTest

/// Images in layout (fixed-advance measurer): figures sized by `{width=…}`, inline images set in
/// the line as objects, placeholders for images that cannot be drawn.
final class ImageLayoutTests: LayoutTestCase {
    /// A 2×3-pixel GIF.
    static let gif = Data(base64Encoded: "R0lGODdhAgADAIAAAP8A/wAAACwAAAAAAgADAAACAoRRADs=") ?? Data()

    func layout(_ body: String) throws -> (PagedDocument, [ImageItem], Theme) {
        let folder = try TestSupport.temporaryFolder(for: self)
        try Self.gif.write(to: folder.appendingPathComponent("a.gif"))
        let path = try TestSupport.write("---\ntitle: T\n---\n\n" + body, to: "doc.md", in: folder)
        let briefing = try BriefingLoader.load(path: path, options: LoadOptions(layout: "briefing"))
        let document = try DocumentLayout.layout(briefing, measurer: measurer)
        var images: [ImageItem] = []
        for number in 1...document.pageCount {
            for item in document.page(number).items { if case .image(let image) = item { images.append(image) } }
        }
        return (document, images, Theme(layout: briefing.layout))
    }

    func testFigureWidthsFollowTheAttributes() throws {
        let (_, images, theme) = try layout("![a](a.gif){width=50%}\n\n![b](a.gif){width=3cm}\n")
        XCTAssertEqual(images.count, 2)
        XCTAssertEqual(images[0].rect.width, theme.layout.contentWidth / 2, accuracy: 0.01)
        XCTAssertEqual(images[0].rect.height, images[0].rect.width * 1.5, accuracy: 0.01)
        XCTAssertEqual(images[1].rect.width, 3 * 72 / 2.54, accuracy: 0.01)
        XCTAssertEqual(images[0].encoding, .gif)
    }

    func testInlineImageIsPlacedOnItsLineAfterTheText() throws {
        let (document, images, theme) = try layout("Some words ![a](a.gif) and more.\n")
        XCTAssertEqual(images.count, 1)
        let page = document.page(document.pageCount)
        guard let line = texts(page).first(where: { $0.line.text.hasPrefix("Some words") }) else { return XCTFail("no line") }
        let size = theme.body.font.size
        // "Some words " is 11 characters at half the font size each.
        XCTAssertEqual(images[0].rect.minX, line.origin.x + 11 * size * 0.5, accuracy: 0.01)
        XCTAssertEqual(images[0].rect.height, size * 1.2, accuracy: 0.01)
        XCTAssertEqual(images[0].rect.maxY, line.origin.y + size * 0.2, accuracy: 0.01, "bottom at the descender")
        XCTAssertEqual(line.line.objects.count, 1)
    }

    func testUndrawableImagesBecomePlaceholders() throws {
        let (document, images, _) = try layout("![Lost figure](missing.png)\n\nInline ![lost badge](gone.png) here.\n")
        XCTAssertEqual(images.count, 0)
        let page = document.page(document.pageCount)
        let text = texts(page).map(\.line.text)
        XCTAssertTrue(text.contains("Lost figure"), "\(text)")
        XCTAssertTrue(text.contains { $0.contains("Inline lost badge here.") }, "\(text)")
        let dashed = page.items.contains { if case .rect(let rect) = $0 { return rect.stroke?.dash.isEmpty == false }; return false }
        XCTAssertTrue(dashed, "a dashed placeholder box")
    }
}
