import Foundation

/// The temporary files this process is writing (`.NAME.tmp-PID-N` beside their targets), so a
/// SIGINT or SIGTERM can remove them before the process ends, and stale ones of dead processes
/// can be swept up by the next run into the same folder.
public enum TemporaryFiles {
    nonisolated(unsafe) private static var live: Set<String> = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static var swept: Set<String> = []

    /// A temporary path in the same folder as `path` (same file system, so rename is atomic).
    public static func path(for path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let name = ".\(file).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return OutputPath.join(OutputPath.folder(of: path), name)
    }

    /// Creates `path` for writing (it must not exist) and records it, in one step under the
    /// registry's lock: once `removeAll(finally:)` has run, no temporary can appear behind it (the
    /// call blocks until the process ends). The descriptor, or -1 and the `errno` of the failure.
    public static func create(_ path: String) -> (descriptor: Int32, error: Int32) {
        lock.lock()
        defer { lock.unlock() }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return (-1, errno) }
        live.insert(path)
        return (descriptor, 0)
    }

    /// Forgets `path` (renamed into place or removed).
    public static func unregister(_ path: String) {
        lock.lock()
        live.remove(path)
        lock.unlock()
    }

    /// The temporaries being written now.
    public static var current: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return live
    }

    /// Removes every live temporary. With `finally`, the registry stays locked, so nothing new
    /// starts before the process ends (the caller then ends it).
    public static func removeAll(finally: Bool = false) {
        lock.lock()
        for path in live { unlink(path) }
        live.removeAll()
        if !finally { lock.unlock() }
    }

    /// Removes temporaries in `folder` whose process no longer runs (once per folder and process).
    public static func removeStale(in folder: String) {
        let key = folder.isEmpty ? "." : folder
        lock.lock()
        let first = swept.insert(key).inserted
        lock.unlock()
        guard first else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: key)) ?? [] {
            if let pid = owner(of: name), pid != getpid(), !isRunning(pid) {
                unlink(OutputPath.join(key, name))
            }
        }
    }

    /// The process id in a temporary's name `.NAME.tmp-PID-N`, or nil for any other name.
    public static func owner(of name: String) -> Int32? {
        guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[range.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return Int32(parts[0])
    }

    /// Whether process `pid` exists (one of another user counts as running).
    public static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
