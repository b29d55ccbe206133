import Foundation
import FolioModel

/// Why a job is built (or not) in this run.
public enum BuildReason: Equatable, Sendable, CustomStringConvertible {
    /// No record of an earlier build.
    case new
    /// `--force`.
    case forced
    /// The job's settings, or Folio's version, changed.
    case changedSettings
    /// These input files changed (or appeared, or went away).
    case changedInputs([String])
    /// These outputs are gone.
    case missingOutputs([String])
    /// The job cannot run (its `problem`); it is reported as failed.
    case invalid

    public var description: String {
        switch self {
        case .new: return "new"
        case .forced: return "forced"
        case .changedSettings: return "changed settings"
        case .changedInputs(let files): return "changed inputs: " + Self.list(files)
        case .missingOutputs(let files): return "missing outputs: " + Self.list(files)
        case .invalid: return "invalid job"
        }
    }

    static func list(_ files: [String]) -> String {
        let names = files.map { ($0 as NSString).lastPathComponent }
        return names.count <= 3 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
    }
}

/// A job with the decision for this run: build (with the reason) or skip.
public struct PlannedJob: Sendable {
    public var job: BatchJob
    /// nil: up to date, skipped.
    public var reason: BuildReason?
    /// The job's settings hash (`JobRecord.key`).
    public var key: String
}

/// Decides which jobs of a shard to build, comparing each with its manifest record.
public enum BatchPlanner {
    public static func plan(_ jobs: [BatchJob], output: String, force: Bool, fingerprints: InputFingerprints) -> [PlannedJob] {
        let manifest = JobManifest(output: output)
        return jobs.map { job in
            let key = JobInputs.key(for: job)
            return PlannedJob(job: job, reason: reason(for: job, key: key, manifest: manifest, output: output,
                                                       force: force, fingerprints: fingerprints), key: key)
        }
    }

    static func reason(for job: BatchJob, key: String, manifest: JobManifest, output: String, force: Bool,
                       fingerprints: InputFingerprints) -> BuildReason? {
        if job.problem != nil { return .invalid }
        if force { return .forced }
        guard let record = manifest.record(for: job.name) else { return .new }
        guard record.key == key else { return .changedSettings }
        let changed = record.inputs.keys.sorted().filter { fingerprints.hash(of: $0) != record.inputs[$0] }
        if !changed.isEmpty { return .changedInputs(changed) }
        let missing = record.files.filter { !FileManager.default.fileExists(atPath: Paths.join(output, $0)) }
        if !missing.isEmpty || record.files.isEmpty { return .missingOutputs(missing) }
        return nil
    }
}
