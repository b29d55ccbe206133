import Foundation
import FolioCairo
import FolioCharts
import FolioDisplay
import FolioLayout
import FolioModel

/// `folio charts`: each chart of a briefing laid out alone and written as PNG, SVG and/or PDF.
extension Renderer {
    public func exportCharts(source: String, options: ChartExportOptions) throws -> RenderResult {
        let log = DiagnosticLog()
        let briefing = try BriefingLoader.load(path: source, options: options.load, log: log)
        return try exportCharts(briefing, options: options, log: log)
    }

    /// Exports the charts of a briefing already loaded (`options.load` is not used again).
    public func exportCharts(_ briefing: Briefing, options: ChartExportOptions, log: DiagnosticLog) throws -> RenderResult {
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
        // Lay out every chart before writing any file, so an error leaves nothing behind.
        var drawings: [(String, Drawing)] = []
        let chartTheme = theme.chartTheme(lang: briefing.metadata.lang)
        // A dry run with estimated text finds what the charts will shape, to shape it all ahead.
        measurer.prefetch { estimate in
            for chart in chosen { _ = try ChartLayout.layout(chart, data: briefing.data, frame: frame, theme: chartTheme, measurer: estimate) }
        }
        for chart in chosen {
            let laidOut = try ChartLayout.layout(chart, data: briefing.data, frame: frame, theme: chartTheme, measurer: measurer)
            drawings.append((chart.id, laidOut.drawing))
            for (index, part) in laidOut.continuations.enumerated() { drawings.append(("\(chart.id)-part\(index + 2)", part)) }
        }
        let folder = options.output ?? "Output"
        try OutputFile.makeFolder(folder)
        let name = Self.baseName(of: source)
        let writer = ImageWriter(fonts: fonts)
        let background: ImageWriter.Background = options.transparent ? .transparent : .white
        var files: [String] = []
        for (id, drawing) in drawings {
            for format in options.formats {
                let path = (folder as NSString).appendingPathComponent("\(name)-\(Self.safeFileName(id)).\(format.rawValue)")
                try OutputFile.write(path) { temporary in
                    switch format {
                    case .png:
                        try writer.writePNG(drawing.items, size: drawing.size, dpi: 72 * options.scale, background: background, to: temporary)
                    case .svg:
                        try writer.writeSVG(drawing.items, size: drawing.size, background: background, to: temporary)
                    case .pdf:
                        let info = PDFMetadata(title: id, author: briefing.metadata.authors.joined(separator: ", "),
                                               creator: "Folio \(FolioVersion.current)", date: DocumentDate.pdfDate(for: briefing.metadata))
                        try writer.writePDF(drawing.items, size: drawing.size, metadata: info, background: background, to: temporary)
                    }
                }
                files.append(path)
            }
        }
        return RenderResult(files: files, pageCount: drawings.count, warnings: log.diagnostics)
    }

    /// A chart id as a file name: letters, digits, `-`, `_`, `.`; anything else becomes `_`.
    public static func safeFileName(_ id: String) -> String {
        let mapped = id.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" }
        let name = String(mapped).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return name.isEmpty ? "chart" : name
    }
}
