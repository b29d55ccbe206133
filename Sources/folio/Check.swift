import ArgumentParser
import Folio
import FolioCommandLine
import Foundation

/// `folio check SOURCE|CONFIG`: everything a render does except writing files.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",  // named, not derived from the type name at every start
        abstract: "Check a briefing (or a batch config) for errors without writing anything.",
        discussion: """
        Runs the whole pipeline short of writing: loading, layout and drawing. Reports every error
        it can find (up to \(Renderer.maximumCheckErrors)), not only the first; for a batch config, the
        config's errors, colliding outputs, and every job that would fail.
        """
    )

    @Argument(help: "A briefing (.md; '-': standard input) or a batch config (.yaml).")
    var source: String

    @Flag(help: "Treat warnings (missing or remote images, HTML that is not honoured, missing fonts) as errors: exit 1, write nothing.")
    var strict = false

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter the briefing declares under params:, e.g. --param region=EMEA (repeatable; the value is YAML).", valueName: "KEY=VALUE"))
    var params: [String] = []

    func run() throws {
        try runReportingErrors {
            if source.hasSuffix(".yaml") || source.hasSuffix(".yml") {
                return try checkBatchConfig(source, params: try parseParams(params), strict: strict)
            }
            let result = try Renderer().retainUntilExit().check(source: source, load: LoadOptions(params: try parseParams(params)))
            guard result.errors.isEmpty, !(strict && !result.warnings.isEmpty) else {
                throw DiagnosticList((strict ? StrictWarnings.errors(result.warnings) : result.warnings) + result.errors,
                                     note: result.stoppedEarly ? "stopped after \(result.errors.count) errors" : nil)
            }
            print("\(source == "-" ? "<stdin>" : source): ok (\(result.pageCount) pages)")
            return result.warnings
        }
    }
}
