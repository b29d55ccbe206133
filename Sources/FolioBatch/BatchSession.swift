import Foundation
import FolioModel
import Folio

/// How to run a batch (the `folio batch` options).
public struct BatchOptions: Sendable {
    /// Worker threads (default: the number of cores).
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Only this part of the jobs (default: all).
    public var shard: Shard?
    /// Rebuild every job, even when up to date.
    public var force = false
    /// List what would be built, and why, without building.
    public var dryRun = false
    /// Also write the summary as JSON into the output folder.
    public var json = false
    /// A live progress line (default: when standard output is a terminal).
    public var live = isatty(STDOUT_FILENO) == 1
    /// `--strict`: a job with warnings fails (and writes nothing).
    public var strict = false

    public init() {}
}

/// One `folio batch` run: load the config, plan, build in parallel, summarize.
public enum BatchSession {
    /// Runs the batch. A config error throws its `Diagnostic` before anything is built; job
    /// failures are in the summary (and printed as they happen).
    public static func run(config path: String, options: BatchOptions) throws -> BatchSummary {
        let start = Date()
        let config = try BatchConfigLoader.load(path)
        let collisions = OutputCollisions.find(config.jobs)
        guard collisions.isEmpty else { throw DiagnosticList(collisions) }
        let jobs = config.jobs.filter { options.shard?.contains($0.name) ?? true }
        let output = try OutputFolder(config.output, create: !options.dryRun)
        let manifest = JobManifest(output: output.path)
        try output.checkOwnFolder(manifest.folder, at: .start(of: path))
        try output.checkOwnFolder(output.staging, at: .start(of: path))
        if !options.dryRun { output.removeLeftovers(manifestFolder: manifest.folder) }

        let fingerprints = InputFingerprints()
        let plan = BatchPlanner.plan(jobs, output: output.path, force: options.force, fingerprints: fingerprints)
        if options.dryRun { return dryRun(plan, config: config, options: options, start: start) }

        let toBuild = plan.filter { $0.reason != nil }
        let progress = BatchProgress(total: plan.count, toBuild: toBuild.count, live: options.live)
        var outcomes: [String: JobOutcome] = [:]
        for planned in plan where planned.reason == nil {
            var outcome = JobOutcome(name: planned.job.name, status: .skipped)
            if let record = manifest.record(for: planned.job.name) { outcome.files = record.files; outcome.pages = record.pages }
            outcomes[planned.job.name] = outcome
            progress.skipped(planned.job.name)
        }

        let signals = StopSignals(cleanUp: { output.removeOwnTemporaries(manifestFolder: manifest.folder) })
        defer { signals.cancel() }
        let executor = BatchExecutor(jobs: toBuild, workers: options.workers) {
            try JobRunner(output: output, fingerprints: fingerprints, strict: options.strict)
        }
        let results = executor.run(shouldStop: { signals.stopRequested }, finished: progress.finished, tick: progress.tick)
        progress.end()
        for outcome in results { outcomes[outcome.name] = outcome }

        let ordered = plan.compactMap { outcomes[$0.job.name] }
        let summary = BatchSummary(config: path, output: output.path, shard: options.shard, outcomes: ordered,
                                   seconds: Date().timeIntervalSince(start), interrupted: signals.stopRequested)
        if options.json { _ = try summary.writeJSON(to: output.path) }
        return summary
    }

    /// Prints what a run would build and why; builds nothing.
    static func dryRun(_ plan: [PlannedJob], config: BatchConfig, options: BatchOptions, start: Date) -> BatchSummary {
        var outcomes: [JobOutcome] = []
        for planned in plan {
            var outcome = JobOutcome(name: planned.job.name, status: planned.reason == nil ? .skipped : .notStarted)
            outcome.reason = planned.reason
            if let reason = planned.reason {
                BatchProgress.print("would build \(planned.job.name) (\(reason))")
                if let problem = planned.job.problem {
                    outcome.status = .failed
                    outcome.error = problem.description
                    BatchProgress.printError(problem.description)
                }
            } else {
                BatchProgress.print("up to date \(planned.job.name)")
            }
            outcomes.append(outcome)
        }
        let wouldBuild = plan.filter { $0.reason != nil }.count
        BatchProgress.print("dry run: \(wouldBuild) to build, \(plan.count - wouldBuild) up to date, of \(plan.count) jobs")
        return BatchSummary(config: config.path, output: config.output, shard: options.shard, outcomes: outcomes,
                            seconds: Date().timeIntervalSince(start), interrupted: false)
    }

    /// `folio check CONFIG`: the config's errors (thrown), then colliding outputs and every job
    /// that would fail, each with its errors and an error at the job's config line.
    public static func check(config path: String, params: [ParamSetting] = [], strict: Bool = false) throws -> (jobs: Int, problems: [Diagnostic]) {
        let config = try BatchConfigLoader.load(path)
        return (config.jobs.count, try BatchCheck.problems(of: config, params: params, strict: strict))
    }
}
