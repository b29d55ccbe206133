import ArgumentParser
import Folio
import Foundation

/// `folio batch CONFIG`: many reports from one config.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build every report a batch config lists, in parallel, skipping what is up to date."
    )

    @Argument(help: "The batch config (YAML).")
    var config: String

    @Option(help: "Jobs run at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Run only part K of N (1-based), e.g. 2/3.")
    var shard: String?

    @Flag(help: "Rebuild every job, even when up to date.")
    var force = false

    @Flag(help: "List what would be built, and why, without building.")
    var dryRun = false

    @Flag(help: "Also write the summary as JSON to OUTPUT/batch-summary.json.")
    var json = false

    func run() throws {
        throw ValidationError("folio batch is not available in this build yet")
    }
}

/// Checks a batch config (filled in by the batch stage).
func checkBatchConfig(_ path: String) throws -> [Diagnostic] {
    throw Diagnostic.error(at: .start(of: path), "batch configs are not supported yet")
}
