import Foundation
import FolioModel

/// Renders for `folio watch`: the PDF, or PNG/SVG pages of which only those whose display list
/// changed since the last render are drawn and written again (the others stay as they are).
public final class LiveOutput {
    public let source: String
    public let options: RenderOptions
    private var previous: RenderedDocument?

    public init(source: String, options: RenderOptions) {
        self.source = source
        self.options = options
    }

    /// Renders with `renderer` and writes what changed; `pagesWritten` counts the files replaced.
    public func render(with renderer: Renderer) throws -> (result: RenderResult, pagesWritten: Int) {
        guard options.format != .pdf else { return (try renderer.render(source: source, options: options), 1) }
        let document = try renderer.render(briefingAt: source, from: nil, format: options.format, dpi: options.dpi,
                                           load: options.load, previous: previous)
        let folder = options.output ?? "Output"
        try OutputFile.makeFolder(folder)
        let name = Renderer.baseName(of: source)
        let ext = options.format.rawValue
        var paths: [String] = [], written = 0
        for (index, data) in document.files.enumerated() {
            let path = OutputPath.join(folder, String(format: "%@-%03d.%@", name, index + 1, ext))
            paths.append(path)
            let unchanged = previous.map { $0.pageHashes.indices.contains(index) && $0.pageHashes[index] == document.pageHashes[index] } ?? false
            if unchanged && FileManager.default.fileExists(atPath: path) { continue }
            try OutputFile.write(path, data: data)
            written += 1
        }
        renderer.removeStalePages(folder: folder, name: name, format: options.format, keeping: document.pageCount)
        previous = document
        return (RenderResult(files: paths, pageCount: document.pageCount, warnings: document.warnings), written)
    }
}
