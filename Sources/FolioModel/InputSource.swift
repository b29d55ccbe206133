import Foundation

/// Where the loaders read their inputs when not from the file system: files held in memory
/// (`InMemoryFiles`) or one folder that nothing may leave (`ConfinedFolder`).
///
/// `InputFile` asks the source bound to `InputFile.source` (a task-local, so concurrent renders
/// each see their own); none bound means the file system, as the command line reads it.
public protocol InputSource: Sendable {
    /// What is at `path`, as a loader names it (relative paths start from the briefing's folder).
    func entry(at path: String) -> InputEntry
    /// File names directly inside `folder` (for "did you mean" hints; may be empty).
    func names(in folder: String) -> [String]
}

/// What an input source holds at a path.
public enum InputEntry: Sendable {
    case file(Data)
    case folder
    case missing
    /// Present or not, it may not be read (outside the inputs, a symlink, …): the reason.
    case refused(String)
}

extension InputFile {
    /// The source the loaders read from; nil: the file system.
    @TaskLocal public static var source: (any InputSource)?

    /// Told every path a loader reads or looks for (`folio watch` learns what to watch from it).
    @TaskLocal public static var observer: (@Sendable (String) -> Void)?

    /// Whether something is at `path` (through the bound source, else the file system).
    public static func exists(_ path: String) -> Bool {
        observer?(path)
        guard let source else { return FileManager.default.fileExists(atPath: path) }
        if case .missing = source.entry(at: path) { return false }
        return true
    }

    /// File names inside `folder` (through the bound source, else the file system).
    public static func names(in folder: String) -> [String] {
        observer?(folder)
        guard let source else { return (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] }
        return source.names(in: folder)
    }

    /// The bytes of `path` from the bound `source`, with the usual checks and messages.
    static func sourceBytes(_ source: any InputSource, path: String, at: SourceLocation, what: String) throws -> Data {
        switch source.entry(at: path) {
        case .file(let data):
            guard data.count <= maximumBytes else {
                throw Diagnostic.error(at: at, "\(what) '\(path)' is \(data.count) bytes; at most \(maximumBytes) are read")
            }
            return data
        case .folder: throw Diagnostic.error(at: at, "\(what) '\(path)' is a folder")
        case .missing: throw Diagnostic.error(at: at, "\(what) '\(path)' does not exist")
        case .refused(let reason): throw Diagnostic.error(at: at, "\(what) '\(path)' cannot be read: \(reason)")
        }
    }
}
