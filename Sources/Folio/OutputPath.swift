/// Path helpers for output paths. (`NSString.deletingLastPathComponent` traps on a one-character
/// path such as `-` or `n` in swift-corelibs-foundation, so Folio splits paths itself.)
public enum OutputPath {
    /// The folder part of `path` without its last component: `""` for a bare name, `/` at the root.
    public static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        var folder = trimmed[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return String(folder)
    }

    /// `name` inside `folder` (just `name` when the folder is empty).
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
