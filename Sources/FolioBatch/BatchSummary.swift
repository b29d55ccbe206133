import Foundation
import Folio

/// The totals of a run, printed at the end and, with `--json`, written as JSON.
public struct BatchSummary: Codable, Sendable {
    /// One job's line in the JSON summary.
    public struct Job: Codable, Sendable {
        public var name: String
        public var status: JobOutcome.Status
        public var reason: String?
        public var files: [String]
        public var pages: Int
        public var seconds: Double
        public var error: String?
    }

    public var config: String
    public var output: String
    public var shard: String?
    public var total: Int
    public var built: Int
    public var skipped: Int
    public var failed: Int
    public var notStarted: Int
    public var pages: Int
    public var files: Int
    public var seconds: Double
    /// The run was stopped by SIGINT or SIGTERM before every job started.
    public var interrupted: Bool
    public var jobs: [Job]

    init(config: String, output: String, shard: Shard?, outcomes: [JobOutcome], seconds: Double, interrupted: Bool) {
        self.config = config
        self.output = output
        self.shard = shard?.description
        total = outcomes.count
        built = outcomes.filter { $0.status == .built }.count
        skipped = outcomes.filter { $0.status == .skipped }.count
        failed = outcomes.filter { $0.status == .failed }.count
        notStarted = outcomes.filter { $0.status == .notStarted }.count
        pages = outcomes.filter { $0.status == .built }.reduce(0) { $0 + $1.pages }
        files = outcomes.filter { $0.status == .built }.reduce(0) { $0 + $1.files.count }
        self.seconds = (seconds * 1000).rounded() / 1000
        self.interrupted = interrupted
        jobs = outcomes.map {
            Job(name: $0.name, status: $0.status, reason: $0.reason?.description, files: $0.files, pages: $0.pages,
                seconds: ($0.seconds * 1000).rounded() / 1000, error: $0.error)
        }
    }

    /// Exit 0 when every job succeeded (built or up to date).
    public var succeeded: Bool { failed == 0 && notStarted == 0 }

    /// `batch: 3 built, 2 skipped (up to date), 1 failed · 24 pages, 30 files written · 4.21 s`
    public var line: String {
        var parts = ["\(built) built", "\(skipped) skipped (up to date)", "\(failed) failed"]
        if notStarted > 0 { parts.append("\(notStarted) not started (interrupted)") }
        let counts = "\(BatchProgress.count(pages, "page")), \(BatchProgress.count(files, "file")) written"
        let shardText = shard.map { " [shard \($0)]" } ?? ""
        return "batch\(shardText): " + parts.joined(separator: ", ") + " · " + counts + " · " + BatchProgress.seconds(seconds)
    }

    /// The summary file's name: `batch-summary.json`, or `batch-summary-K-of-N.json` for a shard.
    public static func fileName(for shard: Shard?) -> String {
        shard.map { "batch-summary-\($0.index)-of-\($0.count).json" } ?? "batch-summary.json"
    }

    /// Writes the summary as JSON into the output folder (atomically); returns the path.
    public func writeJSON(to folder: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        let path = Paths.join(folder, Self.fileName(for: shard.flatMap(Shard.init(parsing:))))
        try OutputFile.write(path, data: data)
        return path
    }
}
