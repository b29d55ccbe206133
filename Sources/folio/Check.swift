import ArgumentParser
import Folio
import Foundation

/// `folio check SOURCE|CONFIG`: everything a render does except writing files.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a briefing (or a batch config) for errors without writing anything."
    )

    @Argument(help: "A briefing (.md) or a batch config (.yaml).")
    var source: String

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter the briefing declares under params:, e.g. --param region=EMEA (repeatable; the value is YAML).", valueName: "KEY=VALUE"))
    var params: [String] = []

    func run() throws {
        try runReportingErrors {
            if source.hasSuffix(".yaml") || source.hasSuffix(".yml") {
                return try checkBatchConfig(source, params: try parseParams(params))
            }
            let load = LoadOptions(params: try parseParams(params))
            let (document, warnings) = try Renderer().retainUntilExit().layout(source: source, load: load)
            print("\(source): ok (\(document.pageCount) pages)")
            return warnings
        }
    }
}
