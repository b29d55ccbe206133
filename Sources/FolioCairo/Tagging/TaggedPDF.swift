import CCairo
import FolioDisplay
import CFolioPDFTags
import Foundation

/// Turns the PDF Cairo wrote into the finished, tagged PDF: the recorded structure tree, artifacts,
/// `/Lang`, `/MarkInfo`, `DisplayDocTitle`, and for the standards asked for XMP metadata and an
/// sRGB output intent. FolioPDFTags does the PDF work, on qpdf: the objects it changes are read
/// and written by qpdf, the rest copied from Cairo's file; the bytes stay the same run to run.
struct TaggedPDF {
    let structure: StructureRecorder
    let metadata: PDFMetadata

    /// Where Debian keeps an sRGB profile (icc-profiles-free, then colord).
    static let sRGBProfiles = ["/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/colord/sRGB.icc"]

    /// Cairo's own structure elements dropped unread (the default), or read and discarded (to compare).
    var dropsCairoElements = true
    /// How many of them `finish` dropped.
    private(set) var droppedCairoElements = 0
    /// Cairo's file rewritten by qpdf before it is read (as for a Cairo that writes object streams), or read as it is.
    var normalizesCairoFile = false

    /// The finished PDF for `cairoPDF`, handed to `write` (valid during the call).
    mutating func finish(_ cairoPDF: UnsafeRawBufferPointer, into write: (UnsafeRawBufferPointer) throws -> Void) throws {
        let pdf = try PDFTagsLibrary.functions.get()
        guard let tags = pdf.create() else { throw RenderError.io("out of memory while tagging the PDF") }
        defer { pdf.free(tags) }
        pdf.drop_cairo_elements(tags, dropsCairoElements ? 1 : 0)
        pdf.normalize_first(tags, normalizesCairoFile ? 1 : 0)
        addTree(to: tags, with: pdf)
        for (page, marks) in structure.pageMarks.enumerated() { pdf.page_marks(tags, Int32(page), marks) }
        if !metadata.lang.isEmpty { pdf.language(tags, metadata.lang) }
        // Labels only when they differ from the page count a viewer shows anyway.
        if metadata.pageLabels.contains(where: { $0.style != .arabic || $0.firstNumber != 1 || $0.firstPage != 0 }) {
            for range in metadata.pageLabels {
                pdf.page_label(tags, Int32(range.firstPage), range.style.rawValue, Int32(range.firstNumber))
            }
        }
        if !metadata.standards.isEmpty { try addStandards(to: tags, with: pdf) }
        let status = pdf.apply(tags, cairoPDF.baseAddress, cairoPDF.count)
        guard status == 0 else { throw RenderError.io("cannot tag the PDF: \(pdf.error(tags).map { String(cString: $0) } ?? "qpdf failed")") }
        droppedCairoElements = pdf.dropped(tags)
        var size = 0
        let output = pdf.output(tags, &size)
        try write(UnsafeRawBufferPointer(start: output, count: output == nil ? 0 : size))
    }

    private func addTree(to tags: OpaquePointer, with pdf: folio_pdf_tags_table) {
        var indices = [Int32](repeating: -1, count: structure.nodes.count)
        var notes = 0
        for (index, node) in structure.nodes.enumerated() {
            let parent = node.parent >= 0 ? indices[node.parent] : -1
            let element = pdf.element(tags, parent, node.element.role.rawValue)
            indices[index] = element
            if let alt = node.element.alt { pdf.text(tags, element, "Alt", CairoText.sanitized(alt)) }
            if let lang = node.element.lang, lang != metadata.lang { pdf.text(tags, element, "Lang", lang) }
            if node.element.role == .note {  // PDF/UA: every Note has a unique /ID
                notes += 1
                pdf.text(tags, element, "ID", "note-\(notes)")
            }
            if let text = node.element.actualText { pdf.text(tags, element, "ActualText", CairoText.sanitized(text)) }
            if let scope = node.element.scope { pdf.attribute(tags, element, "Table", "Scope", scope.rawValue) }
            for kid in node.kids {
                switch kid {
                case .node: break  // added when the child is created, in order
                case .content(let page, let mcid): pdf.content(tags, element, Int32(page), Int32(mcid))
                case .link(let page, let index, let contents):
                    pdf.annotation(tags, element, Int32(page), Int32(index), CairoText.sanitized(contents))
                }
            }
        }
    }

    private func addStandards(to tags: OpaquePointer, with pdf: folio_pdf_tags_table) throws {
        let producer = "cairo \(String(cString: cairo_version_string())) and qpdf"
        let entries: [(String, String)] = [
            ("Title", metadata.title), ("Author", metadata.author), ("Subject", metadata.subject),
            ("Keywords", metadata.keywords), ("Creator", metadata.creator), ("Producer", producer),
        ]
        for (key, value) in entries where !value.isEmpty { pdf.info(tags, key, CairoText.sanitized(value)) }
        if let date = XMPPacket.pdfDate(metadata.date) {
            pdf.info(tags, "CreationDate", date)
            pdf.info(tags, "ModDate", date)
        }
        pdf.metadata(tags, XMPPacket(metadata: metadata, producer: producer).text)
        if metadata.standards.contains(.a2b) {
            guard let path = Self.sRGBProfiles.first(where: { FileManager.default.isReadableFile(atPath: $0) }),
                  let profile = FileManager.default.contents(atPath: path) else {
                throw RenderError.io("PDF/A-2b needs an sRGB ICC profile (install icc-profiles-free: Scripts/setup)")
            }
            profile.withUnsafeBytes { pdf.output_intent(tags, $0.baseAddress, $0.count, 3, "sRGB IEC61966-2.1") }
            pdf.archival(tags, 1)
        }
    }
}
