import ArgumentParser
import Folio
import FolioCommandLine

extension OutputFormat: ExpressibleByArgument {}
extension PDFStandard: ExpressibleByArgument {}

/// `folio render SOURCE`: a briefing to PDF, or to PNG/SVG pages.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",  // named, not derived from the type name at every start
        abstract: "Render a briefing to PDF (one file) or PNG/SVG (one file per page).",
        discussion: """
        PDF goes to -o FILE, or Output/NAME.pdf. PNG and SVG pages go to the folder -o DIR
        (created if needed), or Output/, named NAME-001.png, NAME-002.png, ...
        SOURCE '-' reads the briefing from standard input; '-o -' writes the PDF to standard output.
        An -o naming a device, a FIFO or a symlink is written through (a symlink's target is
        replaced atomically in its own folder); the link or device itself is never replaced.
        Example: folio render Assets/briefings/llama-journey.md --format png --dpi 150
        """
    )

    @Argument(help: "The briefing: Markdown with YAML front matter ('-': standard input).")
    var source: String

    @Flag(help: "Treat warnings (missing or remote images, HTML that is not honoured, missing fonts) as errors: exit 1, write nothing.")
    var strict = false

    @Option(help: "A layout name (from Layouts/) or a path to a layout YAML file; overrides the front matter.")
    var layout: String?

    @Option(name: [.short, .customLong("output")], help: "Output file (pdf; '-': standard output) or folder (png, svg).")
    var output: String?

    @Option(help: "Output format: pdf, png or svg.")
    var format: OutputFormat = .pdf

    @Option(help: "Resolution of PNG pages in dots per inch.")
    var dpi: Double = 150

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a front-matter key, e.g. --set subtitle=Draft (repeatable).", valueName: "KEY=VALUE"))
    var settings: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter the briefing declares under params:, e.g. --param region=EMEA (repeatable; the value is YAML).", valueName: "KEY=VALUE"))
    var params: [String] = []

    @Option(name: .customLong("pdf-standard"), help: ArgumentHelp("Write the PDF to a standard: ua-1 (PDF/UA-1, accessible) or a-2b (PDF/A-2b, archival); repeatable.", valueName: "STANDARD"))
    var pdfStandards: [PDFStandard] = []

    func validate() throws {
        guard dpi >= 10, dpi <= RenderOptions.maximumDPI else { throw ValidationError("--dpi must be between 10 and \(Int(RenderOptions.maximumDPI))") }
        _ = try parseSettings(settings)
        if output == "-", format != .pdf {
            throw ValidationError("-o - (standard output) takes one PDF; \(format.rawValue) pages are one file each: name a folder")
        }
        _ = try parseSettings(params, option: "--param")
    }

    func run() throws {
        var options = RenderOptions(format: format, output: output, dpi: dpi,
                                    load: LoadOptions(layout: layout, settings: try parseSettings(settings)))
        options.load.strict = strict
        options.load.pdfStandards = pdfStandards.map(\.rawValue)
        try runReportingErrors {
            options.load.params = try parseParams(params)
            return []
        }
        try runReportingErrors {
            // The renderer was started, and the briefing most likely too, while the arguments were parsed.
            let preload = BriefingPreload.start(source: source, options: options.load)
            let result = try RendererWarmup.renderer().retainUntilExit().render(source: source, options: options, preloaded: preload)
            let summary = result.files.count == 1 ? result.files[0] : "\(result.files.count) files in \(options.output ?? "Output")"
            // With the PDF on standard output, the summary goes to standard error.
            printSummary("wrote \(summary == "-" ? "standard output" : summary) (\(result.pageCount) pages)", toError: output == "-")
            return result.warnings
        }
    }
}
