import Foundation
import FolioCairo
import FolioDisplay
import FolioLayout
import FolioModel

/// Rendering from strings and bytes to bytes: the same pipeline and diagnostics as `render(source:options:)`,
/// reading inputs through an `InputSource` instead of the file system and writing no file.
extension Renderer {
    /// Renders `input` to a PDF (one `Data`) or to one PNG or SVG per page.
    /// Throws `Diagnostic` for input errors (positions name `input.name` and `input.files`).
    public func render(_ input: BriefingInput, format: OutputFormat = .pdf, dpi: Double = 150) throws -> RenderedDocument {
        let (files, load) = input.source()
        return try render(briefingAt: input.name, from: files, format: format, dpi: dpi, load: load)
    }

    /// Renders the briefing at `path` of `source` (every read goes through the source, images too;
    /// nil: the file system) into memory. PNG and SVG pages whose display list is the same as in
    /// `previous` (same format and dpi) are taken from it instead of being drawn again.
    public func render(briefingAt path: String, from source: (any InputSource)?, format: OutputFormat = .pdf,
                       dpi: Double = 150, load: LoadOptions = LoadOptions(), previous: RenderedDocument? = nil) throws -> RenderedDocument {
        let (document, warnings) = try layout(briefingAt: path, from: source, load: load)
        // An image the source refused (outside its files, a symlink) or a remote one: read from a
        // file system it is a warning and a placeholder; in memory (a service, an application) it
        // is an error, so a request naming a file it did not give is refused, not half-drawn.
        if source != nil, let refused = warnings.first(where: { $0.kind == .remoteImage || $0.kind == .refusedImage }) {
            throw Diagnostic.error(at: refused.location, refused.message.replacingOccurrences(of: "; a placeholder is drawn", with: ""),
                                   hints: ["give the image among the request's files"])
        }
        let images = source.map(Self.imageProvider)
        let reusable = previous.flatMap { $0.format == format && $0.dpi == dpi && format != .pdf ? $0 : nil }
        let pages = PageRecords(count: document.pageCount, previous: reusable)
        try ImageBytes.withProvider(images) { try write(document, format: format, dpi: dpi, images: images, into: pages) }
        let outline = document.headings.map { OutlineEntry(title: $0.mark.title, level: $0.mark.level, page: $0.page, anchor: $0.mark.anchor) }
        var result = RenderedDocument(format: format, files: pages.files, pageCount: document.pageCount, outline: outline, warnings: warnings,
                                      pageTexts: pages.texts)
        result.dpi = dpi
        result.pageHashes = pages.hashes
        result.pagesDrawn = pages.drawn
        return result
    }

    /// Loads and lays out the briefing at `path` of `source`.
    public func layout(briefingAt path: String, from source: (any InputSource)?, load: LoadOptions = LoadOptions()) throws -> (PagedDocument, [Diagnostic]) {
        guard let source else { return try layout(source: path, load: load) }
        return try InputFile.withSource(source) { try layout(source: path, load: load) }
    }

    /// Draws every page into `pages` (PNG pages on every core, as `writePages` does).
    func write(_ document: PagedDocument, format: OutputFormat, dpi: Double,
               images: (@Sendable (String) -> Data?)?, into pages: PageRecords) throws {
        switch format {
        case .pdf:
            let sink = DataSink()
            try writePDF(document, to: sink)
            pages.setDocument(sink.data)
        case .svg:
            let writer = ImageWriter(fonts: fonts)
            for index in 0..<document.pageCount {
                let page = document.page(index + 1)
                if pages.reuse(index, page) { continue }
                let sink = DataSink()
                try writer.writeSVG(page.items, size: page.size, to: sink)
                pages.set(index, page, sink.data)
            }
        case .png:
            let writer = ImageWriter(fonts: fonts)
            let pagePixels = document.pageSize.width * document.pageSize.height * (dpi / 72) * (dpi / 72)
            try drawConcurrently(count: document.pageCount, pagePixels: pagePixels, page: { document.page($0 + 1) }) { index, page in
                if pages.reuse(index, page) { return }
                let sink = DataSink()
                try ImageBytes.withProvider(images) { try writer.writePNG(page.items, size: page.size, dpi: dpi, to: sink) }
                pages.set(index, page, sink.data)
            }
        }
    }

    /// The text of a page's lines, one line each, in drawing order.
    static func plainText(_ items: [DisplayItem]) -> String {
        var lines: [String] = []
        func collect(_ items: [DisplayItem]) {
            for item in items {
                if case .text(let text) = item { lines.append(text.line.text) }
                if case .group(let group) = item { collect(group.items) }
            }
        }
        collect(items)
        return lines.joined(separator: "\n")
    }

    /// Image bytes for the painter, read through `source` (nil for anything it does not hold).
    static func imageProvider(_ source: any InputSource) -> @Sendable (String) -> Data? {
        { path in
            if case .file(let data) = source.entry(at: path) { return data }
            return nil
        }
    }
}

/// Pages drawn on several threads, kept in order, with their text and display-list hash; pages
/// whose hash matches the previous render's are taken from it.
final class PageRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [(file: Data, text: String, hash: Int)]
    private var drawnCount = 0
    private var isDocument = false
    private let previous: [Int: (file: Data, text: String)]

    init(count: Int, previous: RenderedDocument?) {
        records = Array(repeating: (Data(), "", 0), count: count)
        var earlier: [Int: (file: Data, text: String)] = [:]
        if let previous, previous.pageHashes.count == previous.files.count {
            for (index, hash) in previous.pageHashes.enumerated() {
                earlier[hash] = (previous.files[index], previous.pageTexts.indices.contains(index) ? previous.pageTexts[index] : "")
            }
        }
        self.previous = earlier
    }

    static func hash(_ page: Page) -> Int {
        var hasher = Hasher()
        hasher.combine(page.size.width)
        hasher.combine(page.size.height)
        hasher.combine(page.items)
        return hasher.finalize()
    }

    /// Takes page `index` from the previous render when its display list is the same.
    func reuse(_ index: Int, _ page: Page) -> Bool {
        let hash = Self.hash(page)
        guard let earlier = previous[hash] else { return false }
        lock.withLock { records[index] = (earlier.file, earlier.text, hash) }
        return true
    }

    func set(_ index: Int, _ page: Page, _ file: Data) {
        let text = Renderer.plainText(page.items), hash = Self.hash(page)
        lock.withLock { records[index] = (file, text, hash); drawnCount += 1 }
    }

    /// A PDF: one file for the whole document.
    func setDocument(_ file: Data) { lock.withLock { records = [(file, "", 0)]; drawnCount = 1; isDocument = true } }

    var files: [Data] { lock.withLock { records.map(\.file) } }
    var texts: [String] { lock.withLock { isDocument ? [] : records.map(\.text) } }
    var hashes: [Int] { lock.withLock { isDocument ? [] : records.map(\.hash) } }
    var drawn: Int { lock.withLock { drawnCount } }
}
