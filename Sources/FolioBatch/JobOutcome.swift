import FolioModel

/// How one job of a run ended.
public struct JobOutcome: Sendable {
    public enum Status: String, Sendable, Codable { case built, skipped, failed, notStarted = "not started" }

    public var name: String
    public var status: Status
    /// Files written, relative to the output folder.
    public var files: [String] = []
    public var pages = 0
    public var seconds = 0.0
    /// Why the job was built (nil when skipped).
    public var reason: BuildReason?
    /// The failure, `FILE:LINE:COLUMN: error: …`.
    public var error: String?
    /// Warnings of a successful build (fonts falling back, content dropped).
    public var warnings: [Diagnostic] = []

    public init(name: String, status: Status) {
        self.name = name
        self.status = status
    }
}
