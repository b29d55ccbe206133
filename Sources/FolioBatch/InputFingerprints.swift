import Foundation
import FolioModel

/// Content hashes of input files, each file read once per run and shared by every job and thread.
///
/// A path that does not exist hashes to `absent`, so a file appearing later (a `Layouts/NAME.yaml`
/// beside the briefing) counts as a change. `<builtin>/Layouts/NAME.yaml` hashes the built-in text.
public final class InputFingerprints: @unchecked Sendable {
    public static let absent = "absent"
    static let builtinPrefix = "<builtin>/Layouts/"

    private var cache: [String: String] = [:]
    private let lock = NSLock()

    public init() {}

    /// The hash of the file at `path` (absolute), computed once.
    public func hash(of path: String) -> String {
        lock.lock()
        if let known = cache[path] { lock.unlock(); return known }
        lock.unlock()
        let computed = Self.compute(path)
        lock.lock()
        cache[path] = computed
        lock.unlock()
        return computed
    }

    /// Hashes of several paths, keyed by path.
    public func hashes(of paths: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for path in paths { result[path] = hash(of: path) }
        return result
    }

    static func compute(_ path: String) -> String {
        if path.hasPrefix(CellFingerprint.prefix) { return CellFingerprint.hash(path) }
        var hash = ContentHash()
        if path.hasPrefix(builtinPrefix) {
            let name = String(path.dropFirst(builtinPrefix.count).dropLast(".yaml".count))
            guard let text = BuiltinLayouts.sources[name] else { return absent }
            hash.add(text)
            return hash.hex
        }
        guard let data = FileManager.default.contents(atPath: path) else { return absent }
        hash.add(data)
        return hash.hex
    }
}
