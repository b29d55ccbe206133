import ArgumentParser
import Folio
import FolioCommandLine
import FolioServe
import Foundation

/// `folio preview SOURCE`: a live page in the browser, reloaded on every change.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",  // named, not derived from the type name at every start
        abstract: ServerCommandHelp.preview,
        discussion: """
        Open the printed address. Pages are SVG beside the outline; a good render reloads the pages
        that changed (the scroll position stays); a bad edit shows FILE:LINE:COLUMN over the pages
        until the next good render.
        Example: folio preview Assets/briefings/llama-journey.md --port 8000
        """
    )

    @Argument(help: "The briefing: Markdown with YAML front matter.")
    var source: String

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8000

    @Option(help: "The address to listen on instead of 127.0.0.1 (0.0.0.0: every interface).")
    var host: String = "127.0.0.1"

    @Option(help: "A layout name (from Layouts/) or a path to a layout YAML file; overrides the front matter.")
    var layout: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter (repeatable; the value is YAML).", valueName: "KEY=VALUE"))
    var params: [String] = []

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard source != "-" else { throw ValidationError("preview reads a briefing file, not standard input") }
        _ = try parseSettings(params, option: "--param")
    }

    func run() throws {
        var load = LoadOptions(layout: layout)
        try runReportingErrors {
            load.params = try parseParams(params)
            return []
        }
        let preview = try PreviewServer(source: source, load: load, host: host, port: port)
        try runForever {
            try await preview.run { port in
                print("folio preview: http://\(host):\(port)/ (Ctrl-C stops)")
                fflush(nil)
            } report: { line in
                print(line)
                fflush(nil)
            }
        }
    }
}
