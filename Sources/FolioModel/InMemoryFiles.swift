import Foundation

/// Input files held in memory, by relative name (`briefing.md`, `data/kpis.csv`, `logo.png`).
///
/// Paths are resolved like relative file paths (`./a`, `b/../a`); a path that is absolute or
/// leaves the set (`../x`) is refused, so a briefing rendered from memory reads nothing else.
public struct InMemoryFiles: InputSource {
    /// Contents by normalized relative name.
    public private(set) var files: [String: Data] = [:]

    public init(_ files: [String: Data] = [:]) {
        for (name, data) in files { self[name] = data }
    }

    /// The file named `name` (set to nil to remove it). Names that cannot be normalized are ignored.
    public subscript(name: String) -> Data? {
        get { Self.normalize(name).flatMap { files[$0] } }
        set { if let key = Self.normalize(name) { files[key] = newValue } }
    }

    public func entry(at path: String) -> InputEntry {
        guard let key = Self.normalize(path) else { return .refused("only the files given with the briefing can be read") }
        if let data = files[key] { return .file(data) }
        if key.isEmpty || files.keys.contains(where: { $0.hasPrefix(key + "/") }) { return .folder }
        return .missing
    }

    public func names(in folder: String) -> [String] {
        guard let key = Self.normalize(folder) else { return [] }
        let prefix = key.isEmpty ? "" : key + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    /// `a/./b//c` → `a/b/c`; nil for an absolute path, one that climbs out, or one with a NUL.
    public static func normalize(_ path: String) -> String? {
        guard !path.hasPrefix("/"), !path.contains("\0") else { return nil }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
