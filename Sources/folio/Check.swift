import ArgumentParser
import Folio
import Foundation

/// `folio check SOURCE|CONFIG`: everything a render does except writing files.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a briefing (or a batch config) for errors without writing anything."
    )

    @Argument(help: "A briefing (.md; '-': standard input) or a batch config (.yaml).")
    var source: String

    func run() throws {
        try runReportingErrors {
            if source.hasSuffix(".yaml") || source.hasSuffix(".yml") {
                return try checkBatchConfig(source)
            }
            let (document, warnings) = try Renderer().retainUntilExit().layout(source: source)
            print("\(source): ok (\(document.pageCount) pages)")
            return warnings
        }
    }
}
