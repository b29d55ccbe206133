import Foundation
import FolioModel

/// A briefing and the files it names, all in memory: what `Renderer.render(_:format:dpi:)` reads.
///
/// Diagnostics name the files as given here (`briefing.md:12:3: error: …`); the briefing's
/// relative paths (data files, images, a layout) are looked up among `files`, and nothing
/// outside them is read (absolute paths and `..` out of the set are refused).
public struct BriefingInput: Sendable {
    /// The briefing's name in diagnostics and the base of its relative paths (default `briefing.md`).
    public var name: String
    /// The briefing: Markdown with YAML front matter (a template).
    public var text: String
    /// Data files, images and layouts by relative name (`data/kpis.csv`, `logo.png`).
    public var files: [String: Data]
    /// A layout's YAML replacing the front matter's `layout:`; named `layout.yaml` in diagnostics.
    public var layout: String?
    /// `--set` values, parameters, or a layout name (ignored when `layout` is given).
    public var load: LoadOptions

    public init(name: String = "briefing.md", text: String, files: [String: Data] = [:], layout: String? = nil,
                load: LoadOptions = LoadOptions()) {
        self.name = name
        self.text = text
        self.files = files
        self.layout = layout
        self.load = load
    }

    /// The name the layout text is read under.
    public static let layoutName = "layout.yaml"

    /// Every input as one in-memory file set, and the load options that point at the layout.
    func source() -> (InMemoryFiles, LoadOptions) {
        var files = InMemoryFiles(self.files)
        files[name] = Data(text.utf8)
        var load = self.load
        if let layout {
            files[Self.layoutName] = Data(layout.utf8)
            load.layout = Self.layoutName
        }
        return (files, load)
    }
}

/// A document rendered into memory: one PDF, or one PNG or SVG per page.
public struct RenderedDocument: Sendable {
    public var format: OutputFormat
    /// The PDF's bytes (one element), or each page's PNG or SVG, in order.
    public var files: [Data]
    public var pageCount: Int
    /// The headings with their pages (the PDF outline), in order.
    public var outline: [OutlineEntry]
    public var warnings: [Diagnostic]
    /// Each page's text lines (PNG and SVG renders; empty for PDF).
    public var pageTexts: [String] = []
    /// PNG resolution the pages were drawn at.
    public var dpi: Double = 150
    /// Each page's display-list hash (PNG and SVG; equal hashes within a process: the same page).
    public var pageHashes: [Int] = []
    /// Pages drawn by this render (the rest were the previous render's, unchanged).
    public var pagesDrawn = 0
}

/// One heading of a rendered document.
public struct OutlineEntry: Sendable, Hashable, Codable {
    public var title: String
    public var level: Int
    /// 1-based page number.
    public var page: Int
    /// The heading's link target (`#anchor` in the PDF).
    public var anchor: String
}

/// A `ByteSink` that collects everything written into memory.
public final class DataSink: ByteSink {
    public private(set) var data = Data()
    public init() {}
    public func write(_ bytes: UnsafeRawBufferPointer) throws { data.append(contentsOf: bytes) }
}
