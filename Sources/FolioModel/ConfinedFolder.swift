import Foundation

/// Inputs read from one folder only: no path outside it, no symbolic link anywhere on the way,
/// only regular files (a request's temporary folder in `folio serve`).
public struct ConfinedFolder: InputSource {
    /// The folder, absolute and without symbolic links.
    public let root: String

    /// `root` must exist; it is resolved once (the temporary folder itself may sit behind a link).
    public init(root: String) {
        self.root = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    }

    public func entry(at path: String) -> InputEntry {
        guard let parts = relativeParts(path) else { return .refused("only the files sent with the request can be read") }
        var current = root
        for (index, part) in parts.enumerated() {
            current += "/" + part
            var info = stat()
            guard lstat(current, &info) == 0 else { return .missing }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFLNK { return .refused("symbolic links are not followed") }
            if index < parts.count - 1 { guard kind == S_IFDIR else { return .missing }; continue }
            if kind == S_IFDIR { return .folder }
            guard kind == S_IFREG else { return .refused("not a regular file") }
            guard let data = FileManager.default.contents(atPath: current) else { return .refused("unreadable") }
            return .file(data)
        }
        return .folder
    }

    public func names(in folder: String) -> [String] {
        guard let parts = relativeParts(folder) else { return [] }
        let path = ([root] + parts).joined(separator: "/")
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// The path's components below `root` (absolute paths must start with it); nil when it leaves.
    func relativeParts(_ path: String) -> [String]? {
        var relative = path
        if path.hasPrefix("/") {
            guard let inner = InMemoryFiles.normalize(String(path.drop { $0 == "/" })) else { return nil }
            let absolute = "/" + inner
            guard absolute == root || absolute.hasPrefix(root + "/") else { return nil }
            relative = String(absolute.dropFirst(root.count))
        }
        guard let normalized = InMemoryFiles.normalize(relative.hasPrefix("/") ? String(relative.dropFirst()) : relative) else { return nil }
        return normalized.split(separator: "/").map(String.init)
    }
}
