import Foundation
import Glibc

/// Waits for changes to a set of files through Linux inotify, watching their folders (editors
/// often replace a file by renaming a new one over it, which a watch on the file itself misses).
public final class ChangeWatcher {
    private let descriptor: Int32
    /// Watch descriptor → absolute folder, and back.
    private var folders: [Int32: String] = [:]
    private var watches: [String: Int32] = [:]
    /// The absolute paths whose changes count.
    public private(set) var files: Set<String> = []

    /// Events that mean a file's content may have changed (not `IN_MODIFY`: a write in progress).
    static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)

    public init() throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw OutputError("cannot watch files: \(String(cString: strerror(errno)))") }
    }

    deinit { close(descriptor) }

    /// Watches exactly `paths` (relative ones from the current folder) from now on.
    public func watch(_ paths: Set<String>) {
        files = Set(paths.map(Self.absolute))
        let wanted = Set(files.map { ($0 as NSString).deletingLastPathComponent })
        for (folder, wd) in watches where !wanted.contains(folder) {
            inotify_rm_watch(descriptor, wd)
            watches[folder] = nil
            folders[wd] = nil
        }
        for folder in wanted where watches[folder] == nil {
            let wd = inotify_add_watch(descriptor, folder, Self.mask)
            guard wd >= 0 else { continue }
            watches[folder] = wd
            folders[wd] = folder
        }
    }

    /// Blocks until a watched file changed, then until `quiet` seconds pass without another change
    /// (so one save that touches several files makes one render); returns the changed paths.
    /// Returns an empty set when `stop` turns true (checked every `tick` seconds).
    public func waitForChanges(quiet: Double = 0.03, tick: Double = 0.25, stop: () -> Bool = { false }) -> Set<String> {
        var changed: Set<String> = []
        while changed.isEmpty {
            if stop() { return [] }
            if poll(timeout: tick) { changed.formUnion(readEvents()) }
        }
        while poll(timeout: quiet) { changed.formUnion(readEvents()) }
        return changed
    }

    /// Whether events are ready within `timeout` seconds.
    private func poll(timeout: Double) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = Glibc.poll(&entry, 1, Int32(timeout * 1000))
        return ready > 0 && entry.revents & Int16(POLLIN) != 0
    }

    /// Reads every pending event; the watched files they name.
    private func readEvents() -> Set<String> {
        var changed: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return changed }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (wd, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset, as: Int32.self), Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                if let folder = folders[wd] {
                    let path = folder + "/" + String(decoding: nameBytes, as: UTF8.self)
                    if files.contains(path) { changed.insert(path) }
                }
                offset += header + length
            }
        }
    }

    /// `path` made absolute against the current folder, with `.` and `..` resolved.
    public static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }
}
