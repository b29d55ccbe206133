import FolioDisplay
@testable import FolioLayout
import XCTest

/// A frame's background is made per line; on a page it is one rectangle under all of the frame's
/// lines there, drawn before them (one artifact, not one per line, in a tagged PDF).
final class BackdropMergingTests: LayoutTestCase {
    func testALongCodeBlockHasOneBackgroundPerPageUnderAllItsLines() throws {
        let code = (0..<150).map { "let value\($0) = compute(\($0)) // line \($0)" }.joined(separator: "\n")
        let document = try self.document("# Code\n\n```\n\(code)\n```\n")
        var pagesWithCode = 0
        for number in 1...document.pageCount {
            let page = document.page(number)
            let lines = texts(page).filter { $0.line.text.hasPrefix("let value") }
            guard !lines.isEmpty else { continue }
            pagesWithCode += 1
            let backgrounds = page.items.enumerated().compactMap { index, item -> (Int, RectItem)? in
                if case .rect(let rect) = item, rect.fill == document.theme.codeBackground { return (index, rect) }
                return nil
            }
            XCTAssertEqual(backgrounds.count, 1, "page \(number): one code background, not one per line")
            let (index, background) = try XCTUnwrap(backgrounds.first)
            let firstLine = try XCTUnwrap(page.items.firstIndex { item in
                if case .text(let text) = item { return text.line.text.hasPrefix("let value") }
                return false
            })
            XCTAssertLessThan(index, firstLine, "page \(number): the background is drawn before the code")
            for line in lines {
                XCTAssertGreaterThanOrEqual(line.origin.y - line.line.ascent, background.rect.y - 0.01)
                XCTAssertLessThanOrEqual(line.origin.y + line.line.descent, background.rect.maxY + 0.01,
                                         "page \(number): '\(line.line.text)' outside its background")
            }
        }
        XCTAssertGreaterThanOrEqual(pagesWithCode, 2, "the block breaks across pages")
    }

    func testOnlyBackgroundsThatContinueEachOtherMerge() {
        let grey = Color(red: 0.9, green: 0.9, blue: 0.9), blue = Color(red: 0.8, green: 0.8, blue: 1)
        func backdrop(_ y: Double, _ height: Double, x: Double = 10, fill: Color) -> [DisplayItem] {
            DisplayItem.artifact([.rect(RectItem(rect: Rect(x: x, y: y, width: 100, height: height), fill: fill))])
        }
        let text = DisplayItem.line(LineItem(from: Point(x: 0, y: 0), to: Point(x: 1, y: 0), stroke: Stroke(color: grey, width: 1)))
        let items = backdrop(0, 10.5, fill: grey) + [text] + backdrop(10, 10, fill: grey) + [text]  // continues (seam overlap)
            + backdrop(25, 10, fill: grey)  // a gap: a new block
            + backdrop(35, 10, fill: blue)  // another colour
            + backdrop(45, 10, x: 20, fill: grey)  // another left edge
        let merged = BackdropMerging.merged(items)
        let rects = merged.compactMap { item -> Rect? in if case .rect(let rect) = item { return rect.rect }; return nil }
        XCTAssertEqual(rects, [Rect(x: 10, y: 0, width: 100, height: 20), Rect(x: 10, y: 25, width: 100, height: 10),
                               Rect(x: 10, y: 35, width: 100, height: 10), Rect(x: 20, y: 45, width: 100, height: 10)])
        XCTAssertEqual(merged.filter { $0 == text }.count, 2, "other items are kept")
        let begins = merged.filter { if case .structure(.begin) = $0 { return true }; return false }.count
        let ends = merged.filter { $0 == .structure(.end) }.count
        XCTAssertEqual(begins, 4)
        XCTAssertEqual(ends, 4, "a merged background's artifact is dropped whole")
    }
}
