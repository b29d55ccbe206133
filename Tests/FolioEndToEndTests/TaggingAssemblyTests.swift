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

        // Whole: every reference in every object (the trailer included) names an object in the file.
        var references: Set<String> = []
        func collect(_ value: Any) {
            if let text = value as? String, text.hasSuffix(" R"), text.split(separator: " ").count == 3 { references.insert(text) }
            if let array = value as? [Any] { array.forEach(collect) }
            if let dictionary = value as? [String: Any] { dictionary.values.forEach(collect) }
        }
        collect(first.objects)
        XCTAssertGreaterThan(references.count, 400)
        let missing = references.filter { first.objects["obj:\($0)"] == nil }
        XCTAssertTrue(missing.isEmpty, "references to objects that are not there: \(missing.sorted().prefix(10))")

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
}
