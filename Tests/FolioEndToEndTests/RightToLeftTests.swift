import Folio
import FolioDisplay
import FolioTestSupport
import Foundation
import XCTest

/// Right-to-left text: Arabic, Persian, Urdu and Hebrew render (they used to stop the render with
/// "cairo: input clusters do not represent the accompanying text"), read back in logical order,
/// align to the right, and look as the reference images (one script per image) show.
final class RightToLeftTests: XCTestCase {
    static let references = TestSupport.repoRoot.appendingPathComponent("Tests/FolioEndToEndTests/References")

    /// A small page holding nothing but the text, for one case per reference image.
    static let smallLayout = """
        page:
          size: [90mm, 36mm]
          margin: { top: 5mm, bottom: 5mm, left: 5mm, right: 5mm }
        fonts:
          body: { family: "Noto Serif", size: 11pt }
        cover: false
        toc: false
        header: { left: "", center: "", right: "" }
        footer: { left: "", center: "", right: "" }
        text: { justify: true, hyphenate: false }
        """

    // Sentences without a lam-alef: poppler's pdftotext reads that ligature's two letters in
    // reverse (the PDF has them in logical order: see `testLigaturesAndPointsKeepLogicalOrderInThePDF`).
    static let cases: [(name: String, text: String)] = [
        ("arabic", "مرحبا بكم في التقرير السنوي"),
        ("persian", "این گزارش برای شما است"),
        ("urdu", "یہ اردو میں ایک جملہ ہے"),
        ("hebrew", "שָׁלוֹם עוֹלָם, זֶה טֶקְסְט"),
        ("mixed", "التقرير 2025 يضم English و 42 كلمة"),
    ]

    func testEachScriptRendersInLogicalOrderAndMatchesItsReference() throws {
        for (name, text) in Self.cases {
            let folder = try TestSupport.temporaryFolder(for: self)
            let source = try Self.smallDocument(text, in: folder)
            let pdf = folder.appendingPathComponent("doc.pdf").path
            let run = try TestSupport.folio(["render", source, "-o", pdf])
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("error"), "\(name): \(run.stderr)")
            let extracted = try TestSupport.run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout
            XCTAssertEqual(Self.comparable(extracted), Self.comparable(text), name)

            let png = try TestSupport.folio(["render", source, "--format", "png", "--dpi", "110", "-o", folder.path])
            XCTAssertEqual(png.status, 0, "\(name): \(png.stderr)")
            let page = folder.appendingPathComponent("doc-001.png").path
            // A single short line of a right-to-left paragraph ends at the right margin, far from the left one.
            let image = try XCTUnwrap(RasterImage(contentsOfPNG: page))
            let ink = try XCTUnwrap(Self.inkColumns(image), name)
            let margin = 5 / 25.4 * 110
            XCTAssertEqual(Double(ink.upperBound), Double(image.width) - margin, accuracy: 4, "\(name) ends at the right margin")
            XCTAssertGreaterThan(Double(ink.lowerBound), margin + 20, "\(name) is not left-aligned")
            try ImageComparison.assertMatches(page, reference: "rtl-\(name).png", in: Self.references)
        }
    }

    func testRightToLeftParagraphJustifiesToTheRight() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let arabic = String(repeating: "هذا نص عربي طويل يمتد على عدة أسطر في الصفحة ", count: 8)
        let english = String(repeating: "This is a long English paragraph that runs over several lines of the page ", count: 6)
        let source = try TestSupport.write("---\ntitle: T\n---\n# T\n\n\(arabic)\n\n\(english)\n", to: "doc.md", in: folder)
        let (document, _) = try Renderer().layout(source: source)
        var arabicLines: [TextItem] = [], englishLines: [TextItem] = []
        for number in 1...document.pageCount {
            for item in Self.textItems(document.page(number).items) {
                if item.line.text.contains("عربي") { arabicLines.append(item) }
                if item.line.text.contains("English") || item.line.text.hasPrefix("This") { englishLines.append(item) }
            }
        }
        XCTAssertGreaterThan(arabicLines.count, 2)
        XCTAssertTrue(arabicLines.allSatisfy(\.line.rightToLeft))
        XCTAssertFalse(englishLines.contains { $0.line.rightToLeft })
        let left = try XCTUnwrap(englishLines.first).origin.x
        let right = try XCTUnwrap(englishLines.first.map { $0.origin.x + $0.line.drawnWidth })
        for line in arabicLines {
            XCTAssertEqual(line.origin.x + line.line.drawnWidth, right, accuracy: 0.01, "every line ends at the right edge")
        }
        for line in arabicLines.dropLast() {
            XCTAssertEqual(line.origin.x, left, accuracy: 0.01, "a justified line fills the measure")
            XCTAssertNotNil(line.line.justifiedWidth)
        }
        let last = try XCTUnwrap(arabicLines.last)
        XCTAssertGreaterThan(last.origin.x, left + 20, "the last line is short and starts right of the left edge")
        // The glyphs of a right-to-left line lie within it (its trailing space is not drawn left of it).
        for line in arabicLines {
            let xs = line.line.glyphRuns.flatMap(\.glyphs).map { Double($0.x) }
            XCTAssertGreaterThanOrEqual(xs.min() ?? 0, -0.01)
            XCTAssertLessThanOrEqual(xs.max() ?? 0, line.line.drawnWidth)
        }
    }

    func testRightToLeftListItemHasItsMarkerOnTheRight() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try TestSupport.write("---\ntitle: T\n---\n# T\n\n- פריט ברשימה\n- English item\n", to: "doc.md", in: folder)
        let (document, _) = try Renderer().layout(source: source)
        let items = (1...document.pageCount).flatMap { Self.textItems(document.page($0).items) }
        let hebrew = try XCTUnwrap(items.first { $0.line.text.contains("פריט") })
        let english = try XCTUnwrap(items.first { $0.line.text.contains("English") })
        let markers = items.filter { $0.line.text == "•" }
        XCTAssertEqual(markers.count, 2)
        let hebrewMarker = try XCTUnwrap(markers.first { abs($0.origin.y - hebrew.origin.y) < 0.01 })
        let englishMarker = try XCTUnwrap(markers.first { abs($0.origin.y - english.origin.y) < 0.01 })
        XCTAssertLessThan(englishMarker.origin.x, english.origin.x, "a left-to-right item's marker is left of it")
        XCTAssertGreaterThan(hebrewMarker.origin.x, hebrew.origin.x + hebrew.line.width, "a right-to-left item's marker is right of it")
        XCTAssertEqual(hebrewMarker.origin.x - (hebrew.origin.x + hebrew.line.width), english.origin.x - (englishMarker.origin.x + englishMarker.line.width),
                       accuracy: 0.01, "the same gap on either side")
    }

    func testHebrewInEveryPlaceTextGoes() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try TestSupport.write("""
            ---
            title: "דוח שנתי"
            ---
            # פרק ראשון

            פסקה בעברית עם 3 מספרים.

            - פריט ברשימה
            - English item

            | עמודה | Value |
            |---|---|
            | תא בטבלה | 12 |

            ```timeline
            title: "ציר זמן"
            events:
              - { date: 2023-02, label: "שחרור ראשון" }
              - { date: 2024-04, label: "גרסה שנייה" }
            ```

            ```orgchart
            title: "מבנה הצוות"
            nodes:
              - { id: a, name: "מנהל ראשי", title: "הנהלה" }
              - { id: b, name: "צוות מחקר", parent: a }
            ```
            """, to: "doc.md", in: folder)
        let pdf = folder.appendingPathComponent("doc.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = Self.comparable(try TestSupport.run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout)
        // Title (cover, header), heading (contents, page), paragraph, list, table, timeline, org card.
        for phrase in ["דוח שנתי", "פרק ראשון", "פסקה בעברית עם", "פריט ברשימה", "עמודה", "תא בטבלה",
                       "שחרור ראשון", "גרסה שנייה", "מנהל ראשי", "צוות מחקר"] {
            XCTAssertTrue(text.contains(Self.comparable(phrase)), "missing \(phrase)")
        }
        let pages = try TestSupport.run(["pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2", pdf, "-"]).stdout
        XCTAssertTrue(Self.comparable(pages).contains(Self.comparable("פרק ראשון")), "the contents list the Hebrew heading")
        let check = try TestSupport.run(["qpdf", "--check", pdf])
        XCTAssertEqual(check.status, 0, check.stdout)
    }

    func testBidiOverrideIsHonoured() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        // U+202E RIGHT-TO-LEFT OVERRIDE draws "abc def" as "fed cba".
        let source = try Self.smallDocument("Override: \u{202E}abc def\u{202C} end.", in: folder)
        let pdf = folder.appendingPathComponent("doc.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = Self.comparable(try TestSupport.run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout)
        XCTAssertTrue(text.contains("fedcba"), text)
        XCTAssertTrue(text.hasPrefix("Override:"), text)
    }

    func testLigaturesAndPointsKeepLogicalOrderInThePDF() throws {
        // The PDF's own text (read from its content stream, not through a reader's reordering):
        // a lam-alef and a pointed Hebrew letter keep their characters in logical order.
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try Self.smallDocument("ثلاثة أسطر שָׁלוֹם", in: folder)
        let pdf = folder.appendingPathComponent("doc.pdf").path
        XCTAssertEqual(try TestSupport.folio(["render", source, "-o", pdf]).status, 0)
        let expanded = folder.appendingPathComponent("qdf.pdf").path
        XCTAssertEqual(try TestSupport.run(["qpdf", "--qdf", "--object-streams=disable", pdf, expanded]).status, 0)
        let content = String(decoding: try Data(contentsOf: URL(fileURLWithPath: expanded)), as: UTF8.self).lowercased()
        func utf16(_ text: String) -> String { text.utf16.map { String(format: "%04x", $0) }.joined() }
        let lamAlef = utf16("لا"), shinPoints = utf16("שָׁ")
        XCTAssertTrue(content.contains(lamAlef), "lam-alef in logical order")
        XCTAssertFalse(content.contains(utf16("ال") + ">"), "no reversed lam-alef")
        XCTAssertTrue(content.contains(shinPoints), "shin with its points in logical order")
    }

    // MARK: - Helpers

    /// A briefing of `text` alone on a small page (layout `small` beside it).
    static func smallDocument(_ text: String, in folder: URL) throws -> String {
        try TestSupport.write(smallLayout, to: "Layouts/small.yaml", in: folder)
        return try TestSupport.write("---\ntitle: t\nlayout: small\n---\n\(text)\n", to: "doc.md", in: folder)
    }

    /// Text compared in logical order: no bidi controls or marks that readers insert, no combining
    /// marks (readers place vowel points on either side of their letter), no whitespace.
    static func comparable(_ text: String) -> String {
        let bidiControls: ClosedRange<UInt32> = 0x202A...0x202E
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if bidiControls.contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
                || scalar.value == 0x200E || scalar.value == 0x200F { continue }
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isWhitespace { continue }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The range of columns holding any non-white pixel.
    static func inkColumns(_ image: RasterImage) -> ClosedRange<Int>? {
        var low = Int.max, high = Int.min
        for y in 0..<image.height {
            for x in 0..<image.width {
                let pixel = image.pixel(x: x, y: y)
                if Int(pixel.r) + Int(pixel.g) + Int(pixel.b) < 600 {
                    low = min(low, x)
                    high = max(high, x)
                }
            }
        }
        return low <= high ? low...high : nil
    }

    /// Every text item, groups included.
    static func textItems(_ items: [DisplayItem]) -> [TextItem] {
        items.flatMap { item -> [TextItem] in
            switch item {
            case .text(let text): return [text]
            case .group(let group): return textItems(group.items)
            default: return []
            }
        }
    }
}
