import ArgumentParser
import Folio
import FolioCommandLine
import Foundation

/// `folio watch SOURCE`: renders, then re-renders on every change to the briefing or its inputs.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",  // named, not derived from the type name at every start
        abstract: "Render a briefing, then again whenever it, its data files, images or layout change.",
        discussion: """
        Prints one line per render with its time; input errors are printed at their positions and
        the last good output stays in place. Stop with Ctrl-C.
        Example: folio watch Assets/briefings/llama-journey.md -o /tmp/llama.pdf
        """
    )

    @Argument(help: "The briefing: Markdown with YAML front matter.")
    var source: String

    @Option(help: "A layout name (from Layouts/) or a path to a layout YAML file; overrides the front matter.")
    var layout: String?

    @Option(name: [.short, .customLong("output")], help: "Output file (pdf) or folder (png, svg).")
    var output: String?

    @Option(help: "Output format: pdf, png or svg.")
    var format: OutputFormat = .pdf

    @Option(help: "Resolution of PNG pages in dots per inch.")
    var dpi: Double = 150

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a front-matter key (repeatable).", valueName: "KEY=VALUE"))
    var settings: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter (repeatable; the value is YAML).", valueName: "KEY=VALUE"))
    var params: [String] = []

    func validate() throws {
        guard dpi >= 10, dpi <= RenderOptions.maximumDPI else { throw ValidationError("--dpi must be between 10 and \(Int(RenderOptions.maximumDPI))") }
        guard source != "-" else { throw ValidationError("watch reads a briefing file, not standard input") }
        guard output != "-" else { throw ValidationError("watch writes files, not standard output") }
        _ = try parseSettings(settings)
        _ = try parseSettings(params, option: "--param")
    }

    func run() throws {
        var options = RenderOptions(format: format, output: output, dpi: dpi,
                                    load: LoadOptions(layout: layout, settings: try parseSettings(settings)))
        try runReportingErrors {
            options.load.params = try parseParams(params)
            return []
        }
        let session = try LiveSession(source: source, renderer: Renderer().retainUntilExit())
        let output = LiveOutput(source: source, options: options)
        session.run(render: { renderer in try output.render(with: renderer) }) { render in
            Self.report(render, output: options.output, format: options.format)
        }
    }

    /// One line per render (standard output); diagnostics before it (standard error).
    static func report(_ render: LiveRender<(result: RenderResult, pagesWritten: Int)>, output: String?, format: OutputFormat) {
        let time = String(format: "%.1f ms", render.seconds * 1000)
        let stamp = Self.clock()
        switch render.result {
        case .success(let (result, written)):
            for warning in result.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
            let summary = format == .pdf ? result.files.first ?? "" : "\(written) of \(result.files.count) pages in \(output ?? "Output")"
            print("[\(stamp)] rendered \(summary) (\(result.pageCount) pages) in \(time)")
        case .failure(let error):
            let text = (error as? Diagnostic)?.description ?? (error as? DiagnosticList)?.description ?? "folio: error: \(error)"
            FileHandle.standardError.write(Data((text + "\n").utf8))
            print("[\(stamp)] failed in \(time); the last good output is kept")
        }
        fflush(nil)
    }

    static func clock() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
