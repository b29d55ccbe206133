import Foundation
import FolioTestSupport
import XCTest

/// Footnotes, page numbers, watermark, turned pages and columns, read back from the written PDF
/// and PNG files by independent tools (pdftotext, pdfinfo, qpdf) and by pixels.
final class PageCompositionTests: XCTestCase {
    let layout = """
        page: { numbers: { style: arabic, front: Roman } }
        footer: { left: "", center: "Page {page} of {pages}", right: "" }
        """

    func briefing(in folder: URL) throws -> String {
        try TestSupport.write(layout, to: "Layouts/styled.yaml", in: folder)
        let filler = (0..<12).map { "Sentence \($0) of the body says something ordinary about the quarter." }.joined(separator: " ")
        return try TestSupport.write("""
            ---
            title: Composition
            layout: styled
            ---
            # Findings

            The revenue grew.[^rev] \(filler)

            <!-- pagebreak landscape -->

            ## Wide part

            \(filler)

            <!-- pagebreak portrait -->

            ## Back upright

            \(filler)

            [^rev]: Revenue as booked, before the one-off items.
            """, to: "doc.md", in: folder)
    }

    func testFootnotesPageNumbersWatermarkAndTurnedPagesInThePDF() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try briefing(in: folder)
        let pdf = folder.appendingPathComponent("out.pdf").path
        let run = try TestSupport.folio(["render", source, "--set", "watermark=DRAFT", "-o", pdf], environment: TestSupport.pinnedFonts)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try TestSupport.run(["qpdf", "--check", pdf]).status, 0)
        let info = try TestSupport.run(["pdfinfo", "-f", "1", "-l", "20", pdf]).stdout
        let pageCount = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        XCTAssertEqual(pageCount, 5, info)
        // Page sizes: A4 portrait, one turned page.
        let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        XCTAssertTrue(sizes[3].contains("841.89 x 595.276"), "\(sizes)")
        XCTAssertTrue(sizes[2].contains("595.276 x 841.89"), "\(sizes)")

        func page(_ number: Int) throws -> String {
            try TestSupport.run(["pdftotext", "-layout", "-f", "\(number)", "-l", "\(number)", pdf, "-"]).stdout
        }
        XCTAssertTrue(try page(2).contains("Page II of II"), "contents in Roman numerals apart")
        XCTAssertTrue(try page(3).contains("Page 1 of 3"))
        XCTAssertTrue(try page(4).contains("Page 2 of 3"), "the turned page keeps its footer")
        XCTAssertTrue(try page(5).contains("Page 3 of 3"))
        // The stamp is turned, so pdftotext reads it in pieces ("D", "RA", "FT"): the words taller
        // than 40 points that are pieces of it hold its letters, each once.
        for number in 1...5 {
            let xml = try TestSupport.run(["pdftotext", "-bbox", "-f", "\(number)", "-l", "\(number)", pdf, "-"]).stdout
            let big = xml.split(separator: "\n").compactMap { line -> String? in
                guard let yMin = Self.attribute("yMin", in: line), let yMax = Self.attribute("yMax", in: line), yMax - yMin > 40,
                      let start = line.firstIndex(of: ">"), let end = line.range(of: "</word>") else { return nil }
                return String(line[line.index(after: start)..<end.lowerBound])
            }
            let stamp = big.filter { "DRAFT".contains($0) }.joined()
            XCTAssertEqual(String(stamp.sorted()), "ADFRT", "watermark on page \(number): \(big)")
        }
        let first = try page(3)
        let mark = try XCTUnwrap(first.range(of: "grew.¹"))
        let note = try XCTUnwrap(first.range(of: "Revenue as booked, before the one-off items."))
        XCTAssertLessThan(mark.lowerBound, note.lowerBound)
        XCTAssertTrue(first[note.upperBound...].contains("Page 1 of 3"), "the note sits at the foot, above the footer only")

        // Links both ways: annotations to the note and back to the mark, and their destinations.
        let plain = folder.appendingPathComponent("plain.pdf").path
        XCTAssertEqual(try TestSupport.run(["qpdf", "--qdf", "--object-streams=disable", pdf, plain]).status, 0)
        let objects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: plain)), as: UTF8.self).components(separatedBy: "endobj")
        XCTAssertEqual(objects.filter { $0.contains("/Subtype /Link") && $0.contains("/Dest (fn-1)") }.count, 1, "mark → note")
        XCTAssertEqual(objects.filter { $0.contains("/Subtype /Link") && $0.contains("/Dest (fnref-1)") }.count, 1, "note → mark")
        let dests = try TestSupport.run(["pdfinfo", "-dests", pdf]).stdout.split(separator: "\n")
        XCTAssertTrue(dests.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("3 ") && $0.hasSuffix("\"fn-1\"") })
        XCTAssertTrue(dests.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("3 ") && $0.hasSuffix("\"fnref-1\"") })
    }

    /// A viewer numbers the pages as their footers do (`/PageLabels`: I, II, then 1, 2, 3), and the
    /// footnote is a Note in the structure tree, its number and text inside it.
    func testPageLabelsFollowTheFootersAndFootnotesAreNotes() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try briefing(in: folder)
        let pdf = folder.appendingPathComponent("out.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", pdf], environment: TestSupport.pinnedFonts)
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try TestSupport.run(["qpdf", "--json", "--json-key=pagelabels", pdf])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let labels = try XCTUnwrap(object["pagelabels"] as? [[String: Any]])
        let ranges = labels.map { entry -> String in
            let label = entry["label"] as? [String: Any]
            return "\(entry["index"] ?? "?") \(label?["/S"] ?? "?") \(label?["/St"] ?? 1)"
        }
        XCTAssertEqual(ranges, ["0 /R 1", "2 /D 1"], "\(labels)")

        let tree = try PDFStructure(path: pdf)
        let notes = tree.elements.filter { $0.role == "Note" }
        XCTAssertEqual(notes.count, 1, "one footnote, on one page: \(tree.roles)")
        let note = try XCTUnwrap(notes.first)
        XCTAssertFalse(note.content.isEmpty, "the note's number is marked content of the note itself")
        XCTAssertEqual((note.dictionary["/ID"] as? String).map(PDFStructure.text), "note-1", "PDF/UA: a Note has an /ID")
        let index = try XCTUnwrap(tree.elements.firstIndex { $0.role == "Note" })
        XCTAssertEqual(tree.elements[index + 1].role, "P", "the note's text is a paragraph inside it")
        XCTAssertEqual(tree.elements[index + 1].depth, note.depth + 1)
    }

    func testTurnedPageAndColumnsInPixels() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try briefing(in: folder)
        let pages = folder.appendingPathComponent("pages").path
        let run = try TestSupport.folio(["render", source, "--format", "png", "--dpi", "40", "-o", pages], environment: TestSupport.pinnedFonts)
        XCTAssertEqual(run.status, 0, run.stderr)
        let names = TestSupport.files(in: URL(fileURLWithPath: pages)).filter { $0.hasSuffix(".png") }.sorted()
        XCTAssertEqual(names.count, 5)
        let images = try names.map { try XCTUnwrap(TestImage(contentsOfPNG: pages + "/" + $0)) }
        XCTAssertGreaterThan(images[3].width, images[3].height, "page 4 is turned")
        XCTAssertLessThan(images[2].width, images[2].height)

        // The landscape layout in two columns: a blank gutter down the middle between inked halves.
        let filler = (0..<400).map { "Sentence \($0) of the body says something ordinary about the quarter." }.joined(separator: " ")
        let sample = try TestSupport.write("---\ntitle: Columns\nlayout: landscape\n---\n" + filler + "\n", to: "columns.md", in: folder)
        let landscape = folder.appendingPathComponent("landscape").path
        let second = try TestSupport.folio(["render", sample, "--layout", "landscape", "--format", "png", "--dpi", "40", "-o", landscape],
                                           environment: TestSupport.pinnedFonts)
        XCTAssertEqual(second.status, 0, second.stderr)
        let landscapePages = TestSupport.files(in: URL(fileURLWithPath: landscape)).filter { $0.hasSuffix(".png") }.sorted()
        var twoColumnPages = 0
        for name in landscapePages.dropLast() {
            let page = try XCTUnwrap(TestImage(contentsOfPNG: landscape + "/" + name))
            let middle = page.width / 2
            func inkedRows(_ x0: Int, _ x1: Int) -> Int {
                var rows = 0
                for y in (page.height * 15 / 100)..<(page.height * 85 / 100) where (x0..<x1).contains(where: { page.ink(x: $0, y: y) > 60 }) {
                    rows += 1
                }
                return rows
            }
            let gutter = inkedRows(middle - 2, middle + 2)
            let left = inkedRows(page.width / 8, middle - 8), right = inkedRows(middle + 8, page.width * 7 / 8)
            if left > page.height / 4, right > page.height / 4, gutter < left / 4 { twoColumnPages += 1 }
        }
        XCTAssertGreaterThan(landscapePages.count, 2)
        XCTAssertEqual(twoColumnPages, landscapePages.count - 1, "pages (but the last) in two columns with a clear gutter")
    }

    /// A numeric attribute of a `pdftotext -bbox` word line.
    static func attribute(_ name: String, in line: Substring) -> Double? {
        guard let range = line.range(of: name + "=\"") else { return nil }
        return Double(line[range.upperBound...].prefix { $0 != "\"" })
    }
}
