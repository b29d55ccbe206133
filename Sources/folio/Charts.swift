import ArgumentParser
import Folio
import FolioCommandLine

/// `folio charts SOURCE`: every chart of a briefing written alone.
struct Charts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charts",  // named, not derived from the type name at every start
        abstract: "Export each chart of a briefing alone as PNG, SVG or PDF.",
        discussion: """
        Files are named NAME-CHARTID.EXT in -o DIR (or Output/). A chart fence without use: gets the id
        timeline-N or orgchart-N by its order in the source.
        """
    )

    @Argument(help: "The briefing whose charts to export ('-': standard input).")
    var source: String

    @Option(help: "Export only the chart with this id (repeatable).")
    var only: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Output folder.")
    var output: String?

    @Option(help: "Output format: png, svg or pdf (repeatable).")
    var format: [OutputFormat] = []

    @Option(help: "PNG pixels per point (2 gives 144 dpi).")
    var scale: Double = 2

    @Option(help: "Chart width in points (default: the layout's text width).")
    var width: Double?

    @Flag(help: "Treat warnings (missing or remote images, HTML that is not honoured, missing fonts) as errors: exit 1, write nothing.")
    var strict = false

    @Flag(help: "Transparent background instead of white.")
    var transparent = false

    @Option(help: "A layout name or path (fonts, colours and default width).")
    var layout: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a front-matter key (repeatable).", valueName: "KEY=VALUE"))
    var settings: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter the briefing declares under params:, e.g. --param region=EMEA (repeatable; the value is YAML).", valueName: "KEY=VALUE"))
    var params: [String] = []

    func validate() throws {
        guard scale > 0, scale <= 16 else { throw ValidationError("--scale must be above 0 and at most 16") }
        if let width { guard width >= 72, width <= 14_400 else { throw ValidationError("--width must be between 72 and 14400 points") } }
        _ = try parseSettings(settings)
        if output == "-" { throw ValidationError("charts are written one file each into a folder; -o - (standard output) cannot take them") }
        _ = try parseSettings(params, option: "--param")
    }

    func run() throws {
        var options = ChartExportOptions()
        options.formats = format.isEmpty ? [.png] : format
        options.output = output
        options.only = only
        options.scale = scale
        options.width = width
        options.transparent = transparent
        options.load = LoadOptions(layout: layout, settings: try parseSettings(settings))
        options.load.strict = strict
        try runReportingErrors {
            options.load.params = try parseParams(params)
            return []
        }
        try runReportingErrors {
            // The renderer was started, and the briefing and its data most likely too, while the arguments were parsed.
            let preload = BriefingPreload.start(source: source, options: options.load)
            let result = try RendererWarmup.renderer().retainUntilExit().exportCharts(source: source, options: options, preloaded: preload)
            print("wrote \(result.files.count) files for \(result.pageCount) charts")
            return result.warnings
        }
    }
}
