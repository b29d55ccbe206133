import Foundation
import FolioCairo

/// Output files, written so that nothing is lost or touched that is not Folio's:
///
/// - a regular file (or a new one) is written to a hidden temporary beside it, synced to the disk
///   and closed with every error checked, then renamed onto it: a failed write leaves the old file;
/// - `-` is standard output;
/// - a device or a FIFO is opened and written through, never replaced;
/// - a symlink is followed: its final target is written as above (replaced atomically in the
///   target's folder, or written through when it is a device or FIFO); the link itself stays.
///
/// Errors are `OutputError`s naming the output path.
public enum OutputFile {
    /// Wraps the sink an output is written to (tests inject failures with it).
    public typealias SinkFilter = @Sendable (ByteSink) -> ByteSink

    /// The name that means standard output (`-o -`).
    public static let standardOutputName = "-"

    /// Writes `path` by streaming into a sink; replaces it only when every write succeeded.
    public static func write(_ path: String, filter: SinkFilter? = nil, _ body: (ByteSink) throws -> Void) throws {
        try prepare(path, filter: filter, body).commit()
    }

    /// Writes `data` to `path` (atomically, as `write`).
    public static func write(_ path: String, data: Data) throws {
        try write(path) { sink in try data.withUnsafeBytes { try sink.write($0) } }
    }

    /// Writes `path`'s content without putting it in place yet: `commit()` the result once every
    /// file of a set is written, or `discard()` it. Written-through outputs are final at once.
    public static func prepare(_ path: String, filter: SinkFilter? = nil, _ body: (ByteSink) throws -> Void) throws -> PendingFile {
        if path == standardOutputName {
            let sink = FileSink.standardOutput()
            try body(filter?(sink) ?? sink)
            try sink.flush()
            return PendingFile(temporary: nil, target: path)
        }
        switch try OutputDestination(path) {
        case .through(let target):
            let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputError.writing(path, errno: errno) }
            let sink = FileSink(descriptor: descriptor, name: path)
            try body(filter?(sink) ?? sink)
            try sink.synchronize()
            try sink.close()
            return PendingFile(temporary: nil, target: target)
        case .replace(let target):
            TemporaryFiles.removeStale(in: OutputPath.folder(of: target))
            let temporary = TemporaryFiles.path(for: target)
            let (descriptor, error) = TemporaryFiles.create(temporary)
            guard descriptor >= 0 else { throw OutputError.writing(path, errno: error) }
            do {
                let sink = FileSink(descriptor: descriptor, name: path)
                try body(filter?(sink) ?? sink)
                try sink.synchronize()
                try sink.close()
                return PendingFile(temporary: temporary, target: target, name: path)
            } catch {
                unlink(temporary)
                TemporaryFiles.unregister(temporary)
                throw error
            }
        }
    }

    /// Moves a finished temporary file onto its final path (replacing any older file).
    public static func commit(_ temporary: String, to path: String) throws {
        guard rename(temporary, path) == 0 else {
            throw OutputError("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        syncFolder(of: path)
    }

    /// Makes a rename durable: syncs the folder that holds `path` (best effort).
    static func syncFolder(of path: String) {
        let folder = OutputPath.folder(of: path)
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// A temporary path in the same folder as `path` (same file system, so rename is atomic).
    public static func temporaryPath(for path: String) -> String { TemporaryFiles.path(for: path) }

    /// Creates `folder` and its parents when missing.
    public static func makeFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError("cannot create folder '\(folder)': \(error.localizedDescription)")
        }
    }
}

/// A failure to write output (not an input error).
public struct OutputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
