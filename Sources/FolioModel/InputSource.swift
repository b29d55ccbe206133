import Foundation

/// Where the loaders read their inputs when not from the file system: files held in memory
/// (`InMemoryFiles`) or one folder that nothing may leave (`ConfinedFolder`).
///
/// `InputFile` asks the source bound to `InputFile.source` (bound to the thread, so concurrent renders
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
    /// The source the loaders on this thread read from; nil: the file system.
    public static var source: (any InputSource)? { ThreadValue.get(sourceKey) as? any InputSource }

    /// Told every path a loader on this thread reads or looks for (`folio watch` learns what to watch from it).
    public static var observer: (@Sendable (String) -> Void)? { ThreadValue.get(observerKey) as? @Sendable (String) -> Void }

    /// Runs `body` with the loaders on this thread reading from `source` (nil: the file system).
    public static func withSource<T>(_ source: (any InputSource)?, _ body: () throws -> T) rethrows -> T {
        try ThreadValue.with(sourceKey, source, body)
    }

    /// Runs `body` with every path the loaders on this thread touch told to `observer`.
    public static func withObserver<T>(_ observer: (@Sendable (String) -> Void)?, _ body: () throws -> T) rethrows -> T {
        try ThreadValue.with(observerKey, observer, body)
    }

    static let sourceKey = "folio.input-source"
    static let observerKey = "folio.input-observer"

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
