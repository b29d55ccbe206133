import Foundation
import FolioCairo
import FolioDisplay
import FolioLayout
import FolioModel

/// The whole pipeline for one process: one font environment and measurer, reused across renders.
public final class Renderer {
    public let fonts: FontEnvironment
    public let measurer: PangoMeasurer
    /// Wraps every output's sink (tests inject write failures with it); nil: plain files.
    public var outputFilter: OutputFile.SinkFilter?

    /// Renderers kept until the process exits: tearing down fonts and caches costs more than the
    /// operating system reclaiming them (about a sixth of a small render). Touched only under `retainLock`.
    nonisolated(unsafe) private static var retained: [Renderer] = []
    private static let retainLock = NSLock()

    /// Keeps this renderer alive until the process exits (command-line use), with the document it
    /// rendered last: freeing a document's pages and text took 9 ms of a 296-page render.
    @discardableResult
    public func retainUntilExit() -> Renderer {
        Self.retainLock.withLock { Self.retained.append(self) }
        keepsLastDocument = true
        return self
    }

    /// Whether `render` keeps its document (`retainUntilExit`), and the one it kept.
    private var keepsLastDocument = false
    private var lastDocument: PagedDocument?

    /// `shapesInParallel`: text is shaped on two threads where there are two cores (each
    /// with its own font map). Callers that already keep every core busy (batch workers) turn it off.
    public init(shapesInParallel: Bool = true) throws {
        PhaseTimer.mark("start")
        fonts = try FontEnvironment()
        measurer = PangoMeasurer(fonts: fonts, shapesInParallel: shapesInParallel)
        PhaseTimer.mark("fonts")
    }

    /// Loads and lays out a briefing (what `folio check` does), with warnings for missing fonts.
    /// `preloaded`: the same source already loading on another thread (`load` is then its options).
    public func layout(source: String, load: LoadOptions = LoadOptions(),
                       preloaded: BriefingPreload? = nil) throws -> (PagedDocument, [Diagnostic]) {
        // Most documents are English and hyphenated: the patterns load on another core meanwhile
        // (not for `folio charts`, whose labels are never hyphenated).
        measurer.preloadHyphenation(lang: "en")
        let (briefing, log) = try preloaded?.wait() ?? Self.load(source: source, options: load)
        PhaseTimer.mark("load")
        let document = try layout(briefing, log: log)
        return (document, log.diagnostics)
    }

    /// Lays out a loaded briefing: its fonts and hyphenation patterns made ready, then its pages.
    public func layout(_ briefing: Briefing, log: DiagnosticLog) throws -> PagedDocument {
        if briefing.layout.hyphenate { measurer.preloadHyphenation(lang: briefing.metadata.lang) }
        prepareFonts(for: briefing, log: log)
        PhaseTimer.mark("font check")
        let document = try DocumentLayout.layout(briefing, measurer: measurer)
        PhaseTimer.mark("layout (\(measurer.shapedParagraphs) paragraphs, \(measurer.shapedLines) lines)")
        return document
    }

    /// Renders `source` to PDF, or to one PNG/SVG per page.
    /// `preloaded`: the same source already loading on another thread (see `BriefingPreload`).
    public func render(source: String, options: RenderOptions, preloaded: BriefingPreload? = nil) throws -> RenderResult {
        if options.format == .pdf, preloaded != nil { PDFWriter.prepare() }  // while the briefing loads
        let (document, warnings) = try layout(source: source, load: options.load, preloaded: preloaded)
        if keepsLastDocument { lastDocument = document }
        try StrictWarnings.enforce(warnings, strict: options.load.strict)
        let name = Self.baseName(of: source)
        switch options.format {
        case .pdf:
            let path = options.output ?? "Output/\(name).pdf"
            let folder = OutputPath.folder(of: path)
            if !folder.isEmpty, path != OutputFile.standardOutputName { try OutputFile.makeFolder(folder) }
            try OutputFile.write(path, filter: outputFilter) { sink in try writePDF(document, to: sink) }
            PhaseTimer.mark("pdf")
            return RenderResult(files: [path], pageCount: document.pageCount, warnings: warnings)
        case .png, .svg:
            let folder = options.output ?? "Output"
            guard folder != OutputFile.standardOutputName else {
                throw OutputError("\(options.format.rawValue.uppercased()) pages cannot go to standard output (one file per page); name a folder")
            }
            try OutputFile.makeFolder(folder)
            let files = try writePages(document, folder: folder, name: name, format: options.format, dpi: options.dpi)
            return RenderResult(files: files, pageCount: document.pageCount, warnings: warnings)
        }
    }

    /// Streams every page into a PDF at `path` (a plain write: see `OutputFile` for safe replacing).
    public func writePDF(_ document: PagedDocument, to path: String) throws {
        try writePDF(document, with: PDFWriter(path: path, firstPageSize: document.pageSize, metadata: pdfMetadata(document), fonts: fonts))
    }

    /// Streams every page into a PDF written to `sink`.
    public func writePDF(_ document: PagedDocument, to sink: ByteSink) throws {
        try writePDF(document, with: PDFWriter(sink: sink, firstPageSize: document.pageSize, metadata: pdfMetadata(document), fonts: fonts))
    }

    /// Pages are built here and, where the renderer may use a second core, drawn on another thread
    /// meanwhile (`drawInOrder`).
    private func writePDF(_ document: PagedDocument, with writer: PDFWriter) throws {
        if measurer.shapesInParallel {
            let drawer = PDFPageDrawer(writer)
            try drawInOrder(count: document.pageCount, page: { document.page($0 + 1) }) { try drawer.writer.add($0) }
        } else {
            for number in 1...document.pageCount { try writer.add(document.page(number)) }
        }
        try writer.finish()
    }

    /// The document's title, authors and date for the PDF's information.
    func pdfMetadata(_ document: PagedDocument) -> PDFMetadata {
        let metadata = document.metadata
        return PDFMetadata(title: metadata.title, author: metadata.authors.joined(separator: ", "),
                           subject: metadata.subject ?? metadata.subtitle ?? "", keywords: metadata.keywords.joined(separator: ", "),
                           creator: "Folio \(FolioVersion.current)", date: DocumentDate.pdfDate(for: metadata))
            .with(lang: metadata.lang, standards: document.layout.pdfStandards.compactMap(PDFStandard.init(rawValue:)),
                  pageLabels: document.pageLabelRanges)
    }

    /// Writes `NAME-001.EXT`, … into `folder`: all to temporaries first, renamed once every page succeeded.
    /// PNG pages are rasterised and encoded on every core (pages are built here, drawn there).
    public func writePages(_ document: PagedDocument, folder: String, name: String, format: OutputFormat, dpi: Double) throws -> [String] {
        let writer = ImageWriter(fonts: fonts)
        let count = document.pageCount
        let paths = (0..<count).map { OutputPath.join(folder, String(format: "%@-%03d.%@", name, $0 + 1, format.rawValue)) }
        let pending = PendingFiles(count: count)
        let filter = outputFilter
        do {
            if format == .png {
                let pagePixels = document.pageSize.width * document.pageSize.height * (dpi / 72) * (dpi / 72)
                try drawConcurrently(count: count, pagePixels: pagePixels, page: { document.page($0 + 1) }) { index, page in
                    pending.set(index, try OutputFile.prepare(paths[index], filter: filter) { sink in
                        try writer.writePNG(page.items, size: page.size, dpi: dpi, to: sink)
                    })
                }
            } else {
                for index in 0..<count {
                    let page = document.page(index + 1)
                    pending.set(index, try OutputFile.prepare(paths[index], filter: filter) { sink in
                        try writer.writeSVG(page.items, size: page.size, to: sink)
                    })
                }
            }
            try pending.commitAll()
        } catch {
            pending.discardAll()
            throw error
        }
        removeStalePages(folder: folder, name: name, format: format, keeping: count)
        return paths
    }

    /// Deletes `NAME-NNN.EXT` pages left from an earlier, longer render.
    func removeStalePages(folder: String, name: String, format: OutputFormat, keeping count: Int) {
        var number = count + 1
        while true {
            let path = OutputPath.join(folder, String(format: "%@-%03d.%@", name, number, format.rawValue))
            guard FileManager.default.fileExists(atPath: path) else { return }
            try? FileManager.default.removeItem(atPath: path)
            number += 1
        }
    }

    /// Gives the font map the layout's families and a font for every character the briefing uses;
    /// warns about families that are not installed (they fall back to others).
    public func prepareFonts(for briefing: Briefing, log: DiagnosticLog) {
        let layout = briefing.layout
        let families = [layout.body.family, layout.heading.family, layout.mono.family]
        let scalars = DocumentCharacters.scalars(of: briefing)
        let missing = fonts.prepare(families: families, scalars: scalars, preferring: layout.body.family)
        for family in Set(missing).sorted() {
            log.add(.warning(at: .start(of: briefing.sourcePath),
                             "font '\(family)' (layout '\(layout.name)') is not installed; using a fallback font"))
        }
        for warning in UndrawableCharacters.warnings(for: fonts.undrawable(in: scalars), briefing: briefing) { log.add(warning) }
    }

    /// The source name that means standard input (`folio render -`).
    public static let standardInputName = "-"

    /// Loads `source` on this thread, with the log of its warnings.
    static func load(source: String, options: LoadOptions) throws -> (Briefing, DiagnosticLog) {
        let log = DiagnosticLog()
        return (try BriefingLoader.load(path: loadPath(for: source), options: options, log: log), log)
    }

    /// The path the loader reads for `source`: standard input is read as `<stdin>` (positions say so,
    /// and its relative paths start from the current folder).
    public static func loadPath(for source: String) -> String {
        source == standardInputName ? InputFile.standardInput : source
    }

    /// The source's file name without `.md` (`stdin` for standard input).
    public static func baseName(of source: String) -> String {
        if source == standardInputName || source == InputFile.standardInput { return "stdin" }
        let file = (source as NSString).lastPathComponent
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : (file as NSString).deletingPathExtension
    }
}

/// Folio's version, written into PDFs and batch manifests.
public enum FolioVersion {
    public static let current = "0.1.0"
}
