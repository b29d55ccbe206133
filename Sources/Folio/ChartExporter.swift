import Foundation
import FolioCairo
import FolioCharts
import FolioDisplay
import FolioLayout
import FolioModel

/// `folio charts`: each chart of a briefing laid out alone and written as PNG, SVG and/or PDF.
extension Renderer {
    /// `preloaded`: the same source already loading on another thread (see `BriefingPreload`).
    public func exportCharts(source: String, options: ChartExportOptions, preloaded: BriefingPreload? = nil) throws -> RenderResult {
        let (briefing, log) = try preloaded?.wait() ?? Self.load(source: source, options: options.load)
        PhaseTimer.mark("load")
        return try exportCharts(briefing, options: options, log: log)
    }

    /// Exports the charts of a briefing already loaded (`options.load` is not used again).
    public func exportCharts(_ briefing: Briefing, options: ChartExportOptions, log: DiagnosticLog) throws -> RenderResult {
        // Lay out every chart before writing any file, so an error leaves nothing behind.
        let drawings = try layoutCharts(briefing, options: options, log: log)
        PhaseTimer.mark("layout")
        try StrictWarnings.enforce(log.diagnostics, strict: options.load.strict)
        let folder = options.output ?? "Output"
        guard folder != OutputFile.standardOutputName else {
            throw OutputError("charts are written one file each into a folder; '-o -' (standard output) cannot take them")
        }
        try OutputFile.makeFolder(folder)
        let name = Self.baseName(of: briefing.sourcePath)
        let writer = ImageWriter(fonts: fonts)
        let background: ImageWriter.Background = options.transparent ? .transparent : .white
        var files: [String] = []
        for chart in drawings {
            let (id, drawing, scale) = (chart.id, chart.drawing, chart.pngScale)
            for format in options.formats {
                let path = OutputPath.join(folder, "\(name)-\(Self.safeFileName(id)).\(format.rawValue)")
                try OutputFile.write(path, filter: outputFilter) { sink in
                    switch format {
                    case .png:
                        try writer.writePNG(drawing.items, size: drawing.size, dpi: 72 * scale, background: background, to: sink)
                    case .svg:
                        try writer.writeSVG(drawing.items, size: drawing.size, background: background,
                                            title: chart.title, description: chart.alt, to: sink)
                    case .pdf:
                        let info = PDFMetadata(title: id, author: briefing.metadata.authors.joined(separator: ", "),
                                               creator: "Folio \(FolioVersion.current)", date: DocumentDate.pdfDate(for: briefing.metadata))
                        try writer.writePDF(drawing.items, size: drawing.size, metadata: info.with(lang: briefing.metadata.lang),
                                            background: background, alt: chart.alt, to: sink)
                    }
                }
                files.append(path)
            }
        }
        PhaseTimer.mark("write")
        return RenderResult(files: files, pageCount: drawings.count, warnings: log.diagnostics)
    }

    /// Lays out the charts `options` chooses, each alone (continuations as `ID-partN`), with the
    /// PNG scale each gets (lowered, with a warning, for charts too large for a PNG at the scale asked).
    public func layoutCharts(_ briefing: Briefing, options: ChartExportOptions, log: DiagnosticLog) throws -> [ChartDrawing] {
        let source = briefing.sourcePath
        prepareFonts(for: briefing, log: log)
        let charts = briefing.charts
        for id in options.only where !charts.contains(where: { $0.id == id }) {
            throw Diagnostic.error(at: .start(of: source), "no chart '\(id)' in the briefing",
                                   hints: Suggestions.hint(for: id, in: charts.map(\.id)))
        }
        let chosen = options.only.isEmpty ? charts : charts.filter { options.only.contains($0.id) }
        let theme = Theme(layout: briefing.layout)
        let width = options.width ?? briefing.layout.contentWidth
        let frame = ChartFrame(width: width, preferredHeight: nil, maximumHeight: max(briefing.layout.contentHeight, width * 4))
        var drawings: [(id: String, drawing: Drawing, fence: SourceLocation, title: String, alt: String)] = []
        let chartTheme = theme.chartTheme(lang: briefing.metadata.lang)
        // A dry run with estimated text finds what the charts will shape, to shape it all ahead.
        PhaseTimer.mark("prepare fonts")
        measurer.prefetch { estimate in
            for chart in chosen { _ = try ChartLayout.layout(chart, data: briefing.data, frame: frame, theme: chartTheme, measurer: estimate) }
        }
        PhaseTimer.mark("dry run + shaping")
        for chart in chosen {
            let laidOut = try ChartLayout.layout(chart, data: briefing.data, frame: frame, theme: chartTheme, measurer: measurer)
            let fence = SourceLocation(file: source, line: chart.bodyLocation.line - 1, column: 1)
            // Alternative text from the chart's data: SVG <title>/<desc> and the PDF figure's /Alt.
            let title = ChartDescription.title(for: chart, data: briefing.data)
            let alt = ChartDescription.text(for: chart, data: briefing.data)
            drawings.append((chart.id, laidOut.drawing, fence, title, alt))
            for (index, part) in laidOut.continuations.enumerated() {
                let count = laidOut.continuations.count + 1
                drawings.append(("\(chart.id)-part\(index + 2)", part, fence, "\(title) (part \(index + 2) of \(count))",
                                 "Part \(index + 2) of \(count): \(alt)"))
            }
        }
        return try drawings.map { id, drawing, fence, title, alt in
            let scale = options.formats.contains(.png)
                ? try Self.pngScale(for: drawing.size, requested: options.scale, fence: fence, log: log) : options.scale
            return ChartDrawing(id: id, drawing: drawing, fence: fence, pngScale: scale, title: title, alt: alt)
        }
    }

    /// The PNG scale for a chart of `size` points: `requested`, or lower when the image would pass
    /// Cairo's 32,767-pixel side or the pixel limit (a warning at the fence names the scale used);
    /// an error at the fence when even the lowest legible scale does not fit.
    static func pngScale(for size: Size, requested: Double, fence: SourceLocation, log: DiagnosticLog) throws -> Double {
        let side = Double(ImageWriter.maximumSide - 1)
        let bySide = min(side / max(size.width, 1), side / max(size.height, 1))
        let byPixels = (Double(ImageWriter.maximumPixels) / max(size.width * size.height, 1)).squareRoot()
        let fitting = (min(bySide, byPixels) * 1000).rounded(.down) / 1000
        guard fitting < requested else { return requested }
        guard fitting >= minimumLegibleScale else {
            throw Diagnostic.error(at: fence, "the chart is \(Int(size.width))×\(Int(size.height)) points: too large for a legible PNG "
                                   + "(it would need scale \(fitting); text is not legible below \(minimumLegibleScale))",
                                   hints: ["export it as PDF or SVG (--format pdf), or split its data"])
        }
        log.add(.warning(at: fence, "the chart is \(Int(size.width))×\(Int(size.height)) points; its PNG is written at scale "
                         + "\(fitting) instead of \(requested) (a PNG side is at most \(ImageWriter.maximumSide) pixels)"))
        return fitting
    }

    /// Below this many pixels per point, text of a chart is no longer legible in a PNG.
    static let minimumLegibleScale = 0.5

    /// A chart id as a file name: letters, digits, `-`, `_`, `.`; anything else becomes `_`.
    public static func safeFileName(_ id: String) -> String {
        let mapped = id.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" }
        let name = String(mapped).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return name.isEmpty ? "chart" : name
    }
}

/// A chart laid out alone (`Renderer.layoutCharts`), ready to write.
public struct ChartDrawing {
    /// The chart's id (`ID-partN` for a continuation).
    public var id: String
    public var drawing: Drawing
    /// The chart's fence in the briefing.
    public var fence: SourceLocation
    /// PNG pixels per point.
    public var pngScale: Double
    /// A short title and the alternative text written from the chart's data.
    public var title: String = ""
    public var alt: String = ""
}
