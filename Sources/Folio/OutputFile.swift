import Foundation

/// Files written atomically: to a hidden temporary beside the target, renamed when complete.
public enum OutputFile {
    /// A temporary path in the same folder as `path` (same file system, so rename is atomic).
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Runs `write` on a temporary path, then renames it onto `path`; removes the temporary on failure.
    public static func write(_ path: String, _ write: (String) throws -> Void) throws {
        let temporary = temporaryPath(for: path)
        do {
            try write(temporary)
            try commit(temporary, to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Moves a finished temporary file onto its final path (replacing any older file).
    public static func commit(_ temporary: String, to path: String) throws {
        guard rename(temporary, path) == 0 else {
            throw OutputError("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
    }

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
