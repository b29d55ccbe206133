import FolioModel
import FolioTestSupport
import XCTest

/// Footnotes and turned-page markers in the model, and the page style layout keys with their errors.
final class PageStyleModelTests: XCTestCase {
    func blocks(_ markdown: String) throws -> [Block] {
        let folder = try TestSupport.temporaryFolder(for: self)
        return try BriefingLoader.load(path: TestSupport.write(markdown, to: "doc.md", in: folder)).blocks
    }

    func layout(_ yaml: String) throws -> LayoutSpec {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write(yaml, to: "mine.yaml", in: folder)
        return try LayoutLoader.load("mine.yaml", baseFolder: folder.path, at: .start(of: "x"))
    }

    func testFootnotesAreNumberedByFirstCitationAndUnusedOnesDropped() throws {
        let result = try blocks("One[^z] two[^a] three[^z].\n\n[^a]: Alpha.\n\n[^z]: Zulu\n    continued.\n\n[^u]: Unused.\n")
        guard case .paragraph(let inlines) = result[0].kind else { return XCTFail("\(result)") }
        XCTAssertEqual(inlines.filter { if case .footnoteReference = $0 { return true } else { return false } },
                       [.footnoteReference(1), .footnoteReference(2), .footnoteReference(1)])
        let notes = result.compactMap { block -> Footnote? in if case .footnote(let note) = block.kind { return note } else { return nil } }
        XCTAssertEqual(notes.map(\.number), [1, 2])
        XCTAssertEqual(notes.first.map { $0.blocks.map { block -> String in
            if case .paragraph(let inlines) = block.kind { return inlines.plainText } else { return "" } } }, ["Zulu continued."])
        XCTAssertEqual(notes[0].blocks.first?.location.line, 5, "the note keeps its source line")
    }

    func testTurnMarkersAndFencePlacementKeys() throws {
        let result = try blocks("A\n\n<!-- pagebreak landscape -->\n\nB\n\n<!--pagebreak portrait-->\n\n<!-- pagebreak sideways -->\n")
        XCTAssertEqual(result.map(\.kind), [.paragraph([.text("A")]), .turn(.landscape), .paragraph([.text("B")]), .turn(.portrait)])
    }

    func testPageStyleKeys() throws {
        let spec = try layout("""
            page: { numbers: { style: Roman, front: roman } }
            watermark: { text: CONFIDENTIAL, color: "#336699", opacity: 0.2, angle: 30, size: 60pt }
            text: { columns: 3, gap: 6mm }
            """)
        XCTAssertEqual(spec.pageNumbers.style, .upperRoman)
        XCTAssertEqual(spec.pageNumbers.front, .roman)
        XCTAssertEqual(spec.watermark.text, "CONFIDENTIAL")
        XCTAssertEqual(spec.watermark.opacity, 0.2)
        XCTAssertEqual(spec.watermark.angle, 30)
        XCTAssertEqual(spec.watermark.size, 60)
        XCTAssertEqual(spec.columns, 3)
        XCTAssertEqual(spec.columnGap, 6 * 72 / 25.4, accuracy: 0.001)
        XCTAssertEqual(spec.columnWidth, (spec.contentWidth - 2 * spec.columnGap) / 3, accuracy: 0.001)
        XCTAssertEqual(try layout("watermark: DRAFT\n").watermark.text, "DRAFT")
    }

    func testPageStyleErrorsArePositioned() throws {
        let cases = [
            ("page:\n  numbers: greek\n", "mine.yaml:2:12: error: unknown page number style 'greek'"),
            ("watermark: { opacity: 2 }\n", "mine.yaml:1:23: error: opacity must be between 0 and 1"),
            ("text: { columns: 9 }\n", "mine.yaml:1:18: error: columns must be between 1 and 4"),
            ("page: { size: A5 }\ntext: { columns: 4, gap: 30mm }\n", "error: the columns leave less than 1 inch each"),
        ]
        for (yaml, expected) in cases {
            XCTAssertThrowsError(try layout(yaml), yaml) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
        }
    }

    func testWatermarkFromFrontMatterAndSet() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let path = try TestSupport.write("---\ntitle: T\nwatermark: DRAFT\n---\nText.\n", to: "doc.md", in: folder)
        XCTAssertEqual(try BriefingLoader.load(path: path).metadata.watermark, "DRAFT")
        let cleared = try BriefingLoader.load(path: path, options: LoadOptions(settings: [(key: "watermark", value: "false")]))
        XCTAssertEqual(cleared.metadata.watermark, "")
    }
}
