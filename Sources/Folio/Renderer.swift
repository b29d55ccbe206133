import Foundation
import FolioCairo
import FolioDisplay
import FolioLayout
import FolioModel

/// The whole pipeline for one process: one font environment and measurer, reused across renders.
public final class Renderer {
    public let fonts: FontEnvironment
    public let measurer: PangoMeasurer
    private var checkedFamilies: [String: Bool] = [:]

    public init() throws {
        PhaseTimer.mark("start")
        fonts = try FontEnvironment()
        measurer = PangoMeasurer(fonts: fonts)
        PhaseTimer.mark("fonts")
    }

    /// Loads and lays out a briefing (what `folio check` does), with warnings for missing fonts.
    public func layout(source: String, load: LoadOptions = LoadOptions()) throws -> (PagedDocument, [Diagnostic]) {
        let log = DiagnosticLog()
        let briefing = try BriefingLoader.load(path: source, options: load, log: log)
        PhaseTimer.mark("load")
        prepareFonts(for: briefing, log: log)
        PhaseTimer.mark("font check")
        let document = try DocumentLayout.layout(briefing, measurer: measurer)
        PhaseTimer.mark("layout (\(measurer.shapedParagraphs) paragraphs, \(measurer.shapedLines) lines)")
        return (document, log.diagnostics)
    }

    /// Renders `source` to PDF, or to one PNG/SVG per page.
    public func render(source: String, options: RenderOptions) throws -> RenderResult {
        let (document, warnings) = try layout(source: source, load: options.load)
        let name = Self.baseName(of: source)
        switch options.format {
        case .pdf:
            let path = options.output ?? "Output/\(name).pdf"
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try OutputFile.makeFolder(folder) }
            try OutputFile.write(path) { temporary in try writePDF(document, to: temporary) }
            PhaseTimer.mark("pdf")
            return RenderResult(files: [path], pageCount: document.pageCount, warnings: warnings)
        case .png, .svg:
            let folder = options.output ?? "Output"
            try OutputFile.makeFolder(folder)
            let files = try writePages(document, folder: folder, name: name, format: options.format, dpi: options.dpi)
            return RenderResult(files: files, pageCount: document.pageCount, warnings: warnings)
        }
    }

    /// Streams every page into a PDF at `path`.
    public func writePDF(_ document: PagedDocument, to path: String) throws {
        let metadata = document.metadata
        let info = PDFMetadata(title: metadata.title, author: metadata.authors.joined(separator: ", "),
                               subject: metadata.subject ?? metadata.subtitle ?? "", keywords: metadata.keywords.joined(separator: ", "),
                               creator: "Folio \(FolioVersion.current)", date: DocumentDate.pdfDate(for: metadata))
        let writer = try PDFWriter(path: path, firstPageSize: document.pageSize, metadata: info, fonts: fonts)
        for number in 1...max(1, document.pageCount) where number <= document.pageCount {
            try writer.add(document.page(number))
        }
        try writer.finish()
    }

    /// Writes `NAME-001.EXT`, … into `folder`: all to temporaries first, renamed once every page succeeded.
    public func writePages(_ document: PagedDocument, folder: String, name: String, format: OutputFormat, dpi: Double) throws -> [String] {
        let writer = ImageWriter(fonts: fonts)
        var finished: [(String, String)] = []
        do {
            for number in 1...max(1, document.pageCount) where number <= document.pageCount {
                let page = document.page(number)
                let path = (folder as NSString).appendingPathComponent(String(format: "%@-%03d.%@", name, number, format.rawValue))
                let temporary = OutputFile.temporaryPath(for: path)
                finished.append((temporary, path))
                if format == .png {
                    try writer.writePNG(page.items, size: page.size, dpi: dpi, to: temporary)
                } else {
                    try writer.writeSVG(page.items, size: page.size, to: temporary)
                }
            }
            for (temporary, path) in finished { try OutputFile.commit(temporary, to: path) }
        } catch {
            for (temporary, _) in finished { try? FileManager.default.removeItem(atPath: temporary) }
            throw error
        }
        removeStalePages(folder: folder, name: name, format: format, keeping: document.pageCount)
        return finished.map(\.1)
    }

    /// Deletes `NAME-NNN.EXT` pages left from an earlier, longer render.
    func removeStalePages(folder: String, name: String, format: OutputFormat, keeping count: Int) {
        var number = count + 1
        while true {
            let path = (folder as NSString).appendingPathComponent(String(format: "%@-%03d.%@", name, number, format.rawValue))
            guard FileManager.default.fileExists(atPath: path) else { return }
            try? FileManager.default.removeItem(atPath: path)
            number += 1
        }
    }

    /// Gives the font map the layout's families and a font for every character the briefing uses;
    /// warns about families that are not installed (they fall back to others).
    func prepareFonts(for briefing: Briefing, log: DiagnosticLog) {
        let layout = briefing.layout
        let families = [layout.body.family, layout.heading.family, layout.mono.family]
        let missing = fonts.prepare(families: families, scalars: DocumentCharacters.scalars(of: briefing),
                                    preferring: layout.body.family)
        for family in Set(missing).sorted() where checkedFamilies[family] == nil {
            checkedFamilies[family] = false
            log.add(.warning(at: .start(of: briefing.sourcePath),
                             "font '\(family)' (layout '\(layout.name)') is not installed; using a fallback font"))
        }
    }

    /// The source's file name without `.md`.
    public static func baseName(of source: String) -> String {
        let file = (source as NSString).lastPathComponent
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : (file as NSString).deletingPathExtension
    }
}

/// Folio's version, written into PDFs and batch manifests.
public enum FolioVersion {
    public static let current = "0.1.0"
}
