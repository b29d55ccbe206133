import Foundation

/// Output formats of `folio render` and `folio charts`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case pdf, png, svg
}

/// How to render a briefing.
public struct RenderOptions: Sendable {
    public var format: OutputFormat = .pdf
    /// A file (pdf) or folder (png, svg); nil: `Output/` in the current folder.
    public var output: String?
    /// PNG resolution in dots per inch (default 150).
    public var dpi: Double = 150
    /// Layout override and `--set` values.
    public var load = LoadOptions()

    public init(format: OutputFormat = .pdf, output: String? = nil, dpi: Double = 150, load: LoadOptions = LoadOptions()) {
        self.format = format
        self.output = output
        self.dpi = dpi
        self.load = load
    }

    /// The highest resolution accepted.
    public static let maximumDPI = 1200.0
}

/// How to export charts alone.
public struct ChartExportOptions: Sendable {
    public var formats: [OutputFormat] = [.png]
    public var output: String?
    /// Only these chart ids (empty: all).
    public var only: [String] = []
    /// PNG pixels per point (2 = 144 dpi).
    public var scale: Double = 2
    public var transparent = false
    /// Width of the chart in points (default: the layout's text width).
    public var width: Double?
    public var load = LoadOptions()

    public init() {}
}

/// What a render wrote.
public struct RenderResult: Sendable {
    public var files: [String]
    public var pageCount: Int
    public var warnings: [Diagnostic]
}
