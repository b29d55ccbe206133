@testable import Folio
@testable import FolioCairo
import FolioTestSupport
import Foundation
import XCTest

/// The tagging pass assembles the finished PDF from Cairo's bytes: objects it does not change are
/// copied, changed and new ones written, Cairo's own structure tree left out. Read back by qpdf,
/// the file must be whole (every reference names an object that is there), hold nothing of Cairo's
/// tree, and be the same document as when qpdf first rewrites Cairo's file (the path a Cairo that
/// writes object streams takes).
final class TaggingAssemblyTests: XCTestCase {
    func testAssembledFileIsWholeAndTheSameDocumentAsFromQpdfsRewrite() throws {
        let sample = try SamplePDFWriting()
        let document = sample.document
        let folder = try TestSupport.temporaryFolder(for: self)
        func pdf(normalizing: Bool) throws -> String {
            let bytes = try sample.pdf { $0.normalizesCairoFile = normalizing }.bytes
            let path = folder.appendingPathComponent(normalizing ? "normalized.pdf" : "assembled.pdf").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
        let assembled = try pdf(normalizing: false), normalized = try pdf(normalizing: true)
        for path in [assembled, normalized] {
            let check = try TestSupport.run(["qpdf", "--check", path])
            XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
            XCTAssertTrue(check.stdout.contains("No syntax or stream encoding errors"), check.stdout)
            XCTAssertTrue(try TestSupport.run(["pdfinfo", path]).stdout.contains("Tagged:          yes"))
        }
        let first = try PDFStructure(path: assembled), second = try PDFStructure(path: normalized)
        XCTAssertGreaterThan(first.elements.count, 200)
        XCTAssertEqual(first.roles, second.roles, "the same structure tree either way")
        XCTAssertEqual(first.elements.map(\.content.count), second.elements.map(\.content.count))
        XCTAssertEqual(first.pages.count, document.pageCount)
        XCTAssertEqual(Set(first.catalog.keys), Set(second.catalog.keys))
        XCTAssertEqual(try TestSupport.pdfText(assembled), try TestSupport.pdfText(normalized))
        // Links: Cairo's written anew from its bytes in one, through qpdf in the other; each has its
        // /Contents and a parent number, and Cairo's own numbers are gone.
        func links(_ structure: PDFStructure) -> [String] {
            structure.objects.values.compactMap { entry -> String? in
                guard let link = (entry as? [String: Any])?["value"] as? [String: Any], link["/Subtype"] as? String == "/Link" else { return nil }
                return "\(link["/Contents"].map { PDFStructure.text("\($0)") } ?? "none") \(link["/StructParent"] is Int)"
            }.sorted()
        }
        XCTAssertGreaterThan(links(first).count, 5)
        XCTAssertEqual(links(first), links(second))
        XCTAssertFalse(links(first).contains { $0.hasPrefix("none") || $0.hasSuffix("false") }, "\(links(first))")

        // Whole: every reference in every object (the trailer included) names an object in the file
        // that is not null, and only the structure tree refers to its elements (an object of
        // Cairo's dropped while still in use would leave its number to a new element).
        func references(in value: Any) -> Set<String> {
            if let text = value as? String, text.hasSuffix(" R"), text.split(separator: " ").count == 3 { return [text] }
            if let array = value as? [Any] { return array.reduce(into: []) { $0.formUnion(references(in: $1)) } }
            if let dictionary = value as? [String: Any] { return dictionary.values.reduce(into: []) { $0.formUnion(references(in: $1)) } }
            return []
        }
        func value(_ entry: Any) -> Any? {
            guard let entry = entry as? [String: Any] else { return nil }
            return entry["value"] ?? (entry["stream"] as? [String: Any])?["dict"]
        }
        let all = references(in: first.objects)
        XCTAssertGreaterThan(all.count, 400)
        let dangling = all.filter { reference in value(first.objects["obj:\(reference)"] as Any).map { $0 is NSNull } ?? true }
        XCTAssertTrue(dangling.isEmpty, "references to objects that are not there: \(dangling.sorted().prefix(10))")
        let elements = Set(first.objects.compactMap { key, entry -> String? in
            guard let dictionary = value(entry) as? [String: Any], dictionary["/S"] != nil, dictionary["/P"] != nil else { return nil }
            return String(key.dropFirst("obj:".count))
        })
        XCTAssertGreaterThan(elements.count, 200)
        for (key, entry) in first.objects where key.hasPrefix("obj:") {
            guard let contents = value(entry), !references(in: contents).isDisjoint(with: elements) else { continue }
            let dictionary = contents as? [String: Any]
            let inTree = contents is [Any] || elements.contains(String(key.dropFirst(4))) || dictionary?["/Nums"] != nil
                || dictionary?["/Type"] as? String == "/StructTreeRoot"
            XCTAssertTrue(inTree, "\(key) refers to a structure element: \(contents)")
        }

        // Nothing of Cairo's tree: Folio's elements carry no /Type, Cairo's all have /Type /StructElem.
        let cairoElements = first.objects.values.filter { entry in
            ((entry as? [String: Any])?["value"] as? [String: Any])?["/Type"] as? String == "/StructElem"
        }
        XCTAssertEqual(cairoElements.count, 0)
        let treeRoots = first.objects.values.filter { entry in
            ((entry as? [String: Any])?["value"] as? [String: Any])?["/Type"] as? String == "/StructTreeRoot"
        }
        XCTAssertEqual(treeRoots.count, 1, "one structure tree root")
    }

    /// A writer given up before `finish` (a page that failed): Cairo finishes its surface when it
    /// is destroyed and writes into the memory the surface keeps alive (AddressSanitizer runs of
    /// this test would report a write into freed memory).
    func testWriterGivenUpBeforeFinishWritesIntoLiveMemory() throws {
        let sample = try SamplePDFWriting()
        for pages in [0, 1, 3] {
            let sink = MemorySink()
            var writer: PDFWriter? = try PDFWriter(sink: sink, firstPageSize: sample.document.pageSize,
                                                   metadata: sample.renderer.pdfMetadata(sample.document), fonts: sample.renderer.fonts)
            for number in stride(from: 1, through: pages, by: 1) { try writer?.add(sample.document.page(number)) }
            writer = nil
            XCTAssertNil(writer)
            XCTAssertTrue(sink.bytes.isEmpty, "nothing reaches the sink without finish")
        }
    }
}
