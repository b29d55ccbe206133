import ArgumentParser
import Folio
import FolioCommandLine
import FolioBatch
import Foundation

/// `folio batch CONFIG`: many reports from one config.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",  // named, not derived from the type name at every start
        abstract: "Build every report a batch config lists, in parallel, skipping what is up to date.",
        discussion: """
        Exits 0 when every job succeeded, 1 when a job failed or the config has an error (nothing
        is built then), 2 on a usage error. Config format and shard recipes: docs/batch.md.
        Example: folio batch reports.yaml --jobs 2
        """
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

    @Flag(help: "Treat warnings (missing or remote images, HTML that is not honoured, missing fonts) as errors: exit 1, write nothing.")
    var strict = false

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be between 1 and 256, got \(jobs)") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard expects K/N with 1 ≤ K ≤ N (e.g. 2/3), got '\(shard)'")
        }
    }

    func run() throws {
        var options = BatchOptions()
        if let jobs { options.workers = jobs }
        options.shard = shard.flatMap(Shard.init(parsing:))
        options.force = force
        options.dryRun = dryRun
        options.json = json
        options.strict = strict
        var summary: BatchSummary?
        try runReportingErrors {
            summary = try BatchSession.run(config: config, options: options)
            return []
        }
        guard let summary else { return }
        if dryRun {
            if summary.failed > 0 { throw ExitCode(1) }
            return
        }
        print(summary.line)
        if summary.interrupted { throw ExitCode(130) }
        if !summary.succeeded { throw ExitCode(1) }
    }
}

/// `folio check CONFIG`: the config's errors and every failing job (unsafe names, template errors) are printed and fail the check.
func checkBatchConfig(_ path: String, params: [ParamSetting] = [], strict: Bool = false) throws -> [Diagnostic] {
    let (count, problems) = try BatchSession.check(config: path, params: params, strict: strict)
    guard problems.isEmpty else {
        for problem in problems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
        throw ExitCode(1)
    }
    print("\(path): ok (\(count) job\(count == 1 ? "" : "s"))")
    return []
}
