import Foundation
import Folio

/// What the last successful build of a job used and wrote, kept to skip it when nothing changed.
public struct JobRecord: Codable, Equatable, Sendable {
    /// Hash of the job's settings (source path, layout, set values, formats, dpi, charts, Folio's version).
    public var key: String
    /// Every input file read (absolute path) and its content hash.
    public var inputs: [String: String]
    /// Files written, relative to the output folder.
    public var files: [String]
    public var pages: Int
}

/// The manifest under the output folder: one small JSON record per job, `OUTPUT/.folio-manifest/NAME.json`.
///
/// One file per job, each written atomically, so shards sharing an output folder never overwrite
/// each other's records, and a batch stopped half-way keeps the records of the jobs it finished.
/// A job's record is removed when its build starts and written when all its outputs are in place.
public struct JobManifest: Sendable {
    public static let folderName = ".folio-manifest"
    public let folder: String

    public init(output: String) {
        folder = Paths.join(output, Self.folderName)
    }

    func path(for name: String) -> String { Paths.join(folder, name + ".json") }

    /// The job's record, or nil when there is none or it cannot be read.
    public func record(for name: String) -> JobRecord? {
        guard let data = FileManager.default.contents(atPath: path(for: name)) else { return nil }
        return try? JSONDecoder().decode(JobRecord.self, from: data)
    }

    /// Writes the job's record atomically.
    public func store(_ record: JobRecord, for name: String) throws {
        try OutputFile.makeFolder(folder)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(record)
        try OutputFile.write(path(for: name), data: data)
    }

    /// Forgets the job (its build has started, or it failed).
    public func remove(_ name: String) {
        try? FileManager.default.removeItem(atPath: path(for: name))
    }
}
