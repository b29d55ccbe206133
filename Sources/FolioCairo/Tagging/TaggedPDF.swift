import CCairo
import FolioDisplay
import FolioPDFTags
import Foundation

/// Turns the PDF Cairo wrote into the finished, tagged PDF: the recorded structure tree, artifacts,
/// `/Lang`, `/MarkInfo`, `DisplayDocTitle`, and for the standards asked for XMP metadata and an
/// sRGB output intent. qpdf does the PDF work (FolioPDFTags); the bytes stay the same run to run.
struct TaggedPDF {
    let structure: StructureRecorder
    let metadata: PDFMetadata

    /// Where Debian keeps an sRGB profile (icc-profiles-free, then colord).
    static let sRGBProfiles = ["/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/colord/sRGB.icc"]

    /// Cairo's own structure elements dropped unread (the default), or read and discarded (to compare).
    var dropsCairoElements = true
    /// How many of them `finish` dropped.
    private(set) var droppedCairoElements = 0

    /// The finished PDF for `cairoPDF`.
    mutating func finish(_ cairoPDF: [UInt8]) throws -> [UInt8] {
        guard let tags = folio_pdf_tags_new() else { throw RenderError.io("out of memory while tagging the PDF") }
        defer { folio_pdf_tags_free(tags) }
        folio_pdf_tags_drop_cairo_elements(tags, dropsCairoElements ? 1 : 0)
        addTree(to: tags)
        for (page, marks) in structure.pageMarks.enumerated() { folio_pdf_tags_page_marks(tags, Int32(page), marks) }
        if !metadata.lang.isEmpty { folio_pdf_tags_language(tags, metadata.lang) }
        // Labels only when they differ from the page count a viewer shows anyway.
        if metadata.pageLabels.contains(where: { $0.style != .arabic || $0.firstNumber != 1 || $0.firstPage != 0 }) {
            for range in metadata.pageLabels {
                folio_pdf_tags_page_label(tags, Int32(range.firstPage), range.style.rawValue, Int32(range.firstNumber))
            }
        }
        if !metadata.standards.isEmpty { try addStandards(to: tags) }
        let status = cairoPDF.withUnsafeBytes { folio_pdf_tags_apply(tags, $0.baseAddress, $0.count) }
        guard status == 0 else { throw RenderError.io("cannot tag the PDF: \(String(cString: folio_pdf_tags_error(tags)))") }
        droppedCairoElements = folio_pdf_tags_dropped(tags)
        var size = 0
        guard let output = folio_pdf_tags_output(tags, &size) else { return [] }
        return Array(UnsafeRawBufferPointer(start: output, count: size))
    }

    private func addTree(to tags: OpaquePointer) {
        var indices = [Int32](repeating: -1, count: structure.nodes.count)
        var notes = 0
        for (index, node) in structure.nodes.enumerated() {
            let parent = node.parent >= 0 ? indices[node.parent] : -1
            let element = folio_pdf_tags_element(tags, parent, node.element.role.rawValue)
            indices[index] = element
            if let alt = node.element.alt { folio_pdf_tags_text(tags, element, "Alt", CairoText.sanitized(alt)) }
            if let lang = node.element.lang, lang != metadata.lang { folio_pdf_tags_text(tags, element, "Lang", lang) }
            if node.element.role == .note {  // PDF/UA: every Note has a unique /ID
                notes += 1
                folio_pdf_tags_text(tags, element, "ID", "note-\(notes)")
            }
            if let text = node.element.actualText { folio_pdf_tags_text(tags, element, "ActualText", CairoText.sanitized(text)) }
            if let scope = node.element.scope { folio_pdf_tags_attribute(tags, element, "Table", "Scope", scope.rawValue) }
            for kid in node.kids {
                switch kid {
                case .node: break  // added when the child is created, in order
                case .content(let page, let mcid): folio_pdf_tags_content(tags, element, Int32(page), Int32(mcid))
                case .link(let page, let index, let contents):
                    folio_pdf_tags_annotation(tags, element, Int32(page), Int32(index), CairoText.sanitized(contents))
                }
            }
        }
    }

    private func addStandards(to tags: OpaquePointer) throws {
        let producer = "cairo \(String(cString: cairo_version_string())) and qpdf"
        let entries: [(String, String)] = [
            ("Title", metadata.title), ("Author", metadata.author), ("Subject", metadata.subject),
            ("Keywords", metadata.keywords), ("Creator", metadata.creator), ("Producer", producer),
        ]
        for (key, value) in entries where !value.isEmpty { folio_pdf_tags_info(tags, key, CairoText.sanitized(value)) }
        if let date = XMPPacket.pdfDate(metadata.date) {
            folio_pdf_tags_info(tags, "CreationDate", date)
            folio_pdf_tags_info(tags, "ModDate", date)
        }
        folio_pdf_tags_metadata(tags, XMPPacket(metadata: metadata, producer: producer).text)
        if metadata.standards.contains(.a2b) {
            guard let path = Self.sRGBProfiles.first(where: { FileManager.default.isReadableFile(atPath: $0) }),
                  let profile = FileManager.default.contents(atPath: path) else {
                throw RenderError.io("PDF/A-2b needs an sRGB ICC profile (install icc-profiles-free: Scripts/setup)")
            }
            profile.withUnsafeBytes { folio_pdf_tags_output_intent(tags, $0.baseAddress, $0.count, 3, "sRGB IEC61966-2.1") }
            folio_pdf_tags_archival(tags, 1)
        }
    }
}
