import CCairo
import FolioDisplay
import Foundation
import FolioBundle

/// Writes pages into one PDF as they come: each page is drawn and released, never all held.
///
/// Anchors with outline titles become bookmarks; link items become link annotations
/// (URIs or internal destinations); fonts are embedded and subset by Cairo.
/// Structure marks become a tagged PDF's structure tree: Cairo writes the pages into memory, and
/// `TaggedPDF` (qpdf) completes the tree, artifacts and metadata on `finish` before writing out.
public final class PDFWriter {
    private let surface: CairoSurface
    private let context: CairoContext
    private let painter: ItemPainter
    /// Whether consecutive plain lines share one Cairo call (off only to compare), and how many did.
    var batchesLines: Bool {
        get { painter.batchesLines }
        set { painter.batchesLines = newValue }
    }
    var batchedLines: (lines: Int, calls: Int) { (painter.batchedLines, painter.batchCalls) }
    /// Whether Cairo's own structure elements are dropped unread when tagging (off only to
    /// compare), and how many `finish` dropped.
    var dropsCairoElements = true
    private(set) var droppedCairoElements = 0
    /// Whether qpdf first rewrites Cairo's file (one cross-reference table, no object streams), as
    /// it must for a Cairo that writes object streams; on only to compare.
    var normalizesCairoFile = false
    private let structure = StructureRecorder()
    private let cairoBytes = CairoMemoryStream()
    private let destination: Destination
    private let metadata: PDFMetadata

    /// Where the finished PDF goes.
    private enum Destination {
        case path(String)
        case sink(ByteSink)
    }
    /// Outline ids of the most recent entry at each level, for nesting.
    private var outlineParents: [Int: Int32] = [:]
    public private(set) var pageCount = 0
    static let traces = EnvironmentVariable.isOne("FOLIO_TRACE")
    /// `FOLIO_BENCH_UNTAGGED=1`: Cairo's file as it is, without the structure tree and the qpdf pass,
    /// for `Benchmarks/a11y` to measure what tagging costs on the same build. Not for documents.
    static let untagged = EnvironmentVariable.isOne("FOLIO_BENCH_UNTAGGED")
    private var currentSize: Size

    /// Has Cairo write page content uncompressed, for qpdf to compress. Every PDF passes through
    /// qpdf (`TaggedPDF`), which compresses the streams it writes and must read each page's content
    /// to renumber its marks: content Cairo compressed was deflated twice and inflated once (a
    /// quarter of a second of a 637-page code listing). Cairo 1.16 reads `CAIRO_DEBUG_PDF` when it
    /// creates a PDF surface; leaving content uncompressed is all it does. The file qpdf writes is
    /// the same either way. Changing the environment is not thread-safe: call before any other
    /// thread starts (the command line does, first thing).
    public static func leaveContentCompressionToQPDF() {
        guard !untagged else { return }
        setenv("CAIRO_DEBUG_PDF", "1", 1)
    }

    /// Opens the tagging library now (5 ms of loading qpdf and what it links), for a caller with
    /// time to fill: a briefing loading on another thread. A failure is reported by `init` later.
    public static func prepare() {
        if !untagged { _ = PDFTagsLibrary.functions }
    }

    public convenience init(path: String, firstPageSize: Size, metadata: PDFMetadata, fonts: FontEnvironment) throws {
        try self.init(destination: .path(path), firstPageSize: firstPageSize, metadata: metadata, fonts: fonts)
    }

    /// A PDF written into `sink` on `finish`: a write the sink refuses is thrown by `finish`.
    public convenience init(sink: ByteSink, firstPageSize: Size, metadata: PDFMetadata, fonts: FontEnvironment) throws {
        try self.init(destination: .sink(sink), firstPageSize: firstPageSize, metadata: metadata, fonts: fonts)
    }

    private init(destination: Destination, firstPageSize: Size, metadata: PDFMetadata, fonts: FontEnvironment) throws {
        // The tagging library is opened before any page is drawn: without it, no PDF can be finished.
        if !Self.untagged { _ = try PDFTagsLibrary.functions.get() }
        currentSize = firstPageSize
        self.destination = destination
        self.metadata = metadata
        surface = try CairoSurface.pdf(stream: cairoBytes, size: Size2(width: firstPageSize.width, height: firstPageSize.height))
        context = try CairoContext(surface)
        painter = ItemPainter(fonts: fonts, emitsTags: true, structure: Self.untagged ? nil : structure)
        let entries: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, metadata.date), (CAIRO_PDF_METADATA_MOD_DATE, metadata.date),
        ]
        for (key, value) in entries where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface.pointer, key, CairoText.sanitized(value))
        }
        // A document-level structure element: Cairo 1.16 writes the structure tree that link
        // annotations refer to only when the document has one (else the PDF has dangling objects).
        cairo_tag_begin(context.pointer, "Document", nil)
    }

    /// Draws `page` as the next page of the document.
    public func add(_ page: Page) throws {
        // Only when the size changes: Cairo 1.16 drops the structure tree (and so the link
        // annotations' parents) when set_size is called, so a same-size document never calls it.
        if page.size != currentSize {
            cairo_pdf_surface_set_size(surface.pointer, page.size.width, page.size.height)
            currentSize = page.size
        }
        let cr = context.pointer
        structure.beginPage(pageCount)
        painter.pageBounds = Rect(x: 0, y: 0, width: page.size.width, height: page.size.height)
        painter.draw(page.items, on: cr)
        structure.endPage(on: cr)
        addOutline(page.items, pageNumber: pageCount + 1)
        cairo_show_page(cr)
        pageCount += 1
        try context.check()
        try surface.check()
    }

    private func addOutline(_ items: [DisplayItem], pageNumber: Int) {
        for item in items {
            guard case .anchor(let anchor) = item, let title = anchor.outlineTitle else { continue }
            let level = max(1, anchor.outlineLevel)
            var parent = Int32(CAIRO_PDF_OUTLINE_ROOT)
            for candidate in stride(from: level - 1, through: 1, by: -1) {
                if let id = outlineParents[candidate] { parent = id; break }
            }
            let destination = "dest='\(ItemPainter.escape(anchor.name))'"
            let id = cairo_pdf_surface_add_outline(surface.pointer, parent, CairoText.sanitized(title), destination,
                                                   CAIRO_PDF_OUTLINE_FLAG_OPEN)
            outlineParents[level] = id
            outlineParents = outlineParents.filter { $0.key <= level }
        }
    }

    /// Completes the PDF (fonts, outline, cross-references); throws when writing failed.
    public func finish() throws {
        cairo_tag_end(context.pointer, "Document")
        let start = Date()
        try surface.finish()
        let cairoDone = Date()
        var tagging = TaggedPDF(structure: structure, metadata: metadata)
        tagging.dropsCairoElements = dropsCairoElements
        tagging.normalizesCairoFile = normalizesCairoFile
        let write = { [destination] (pdf: UnsafeRawBufferPointer) throws in
            if Self.traces {  // FOLIO_TRACE=1, as the pipeline's phase timer
                let line = String(format: "trace: cairo finish %.1f ms, tagging (qpdf) %.1f ms\n",
                                  cairoDone.timeIntervalSince(start) * 1000, Date().timeIntervalSince(cairoDone) * 1000)
                FileHandle.standardError.write(Data(line.utf8))
            }
            switch destination {
            case .sink(let sink): try sink.write(pdf)
            case .path(let path):
                let data = pdf.isEmpty ? Data() : Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: pdf.baseAddress!), count: pdf.count,
                                                       deallocator: .none)
                do { try data.write(to: URL(fileURLWithPath: path)) } catch { throw RenderError.io("cannot write '\(path)': \(error.localizedDescription)") }
            }
        }
        if Self.untagged {
            try write(cairoBytes.bytes)
        } else {
            try tagging.finish(cairoBytes.bytes, into: write)
            droppedCairoElements = tagging.droppedCairoElements
        }
        cairoBytes.clear()
    }
}
