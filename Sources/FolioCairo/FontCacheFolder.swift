import Foundation
import FolioBundle

/// Where Folio's private fontconfig set keeps its (tiny) cache: the user's own cache folder,
/// `$XDG_CACHE_HOME/folio`, else `~/.cache/folio`, mode 0700 — never a shared, predictable path
/// another user could plant first. When neither is usable, a private folder made by `mkdtemp`.
enum FontCacheFolder {
    /// The folder, created when missing (computed once per process).
    static let path: String = locate()
    /// The `mkdtemp` folder used when no cache folder was usable (removed at exit).
    nonisolated(unsafe) static var temporary: String?

    static func locate(environment: (String) -> String? = EnvironmentVariable.value) -> String {
        for base in candidates(environment: environment) {
            let folder = base + "/folio"
            if makePrivate(folder, parent: base) { return folder }
        }
        var template = Array((NSTemporaryDirectory() + "/folio-XXXXXX").utf8CString)
        if let made = mkdtemp(&template) {
            let folder = String(cString: made)
            temporary = folder
            atexit { if let folder = FontCacheFolder.temporary { try? FileManager.default.removeItem(atPath: folder) } }
            return folder
        }
        return NSTemporaryDirectory()
    }

    /// `$XDG_CACHE_HOME` (when absolute), then `$HOME/.cache` (when HOME is absolute).
    static func candidates(environment: (String) -> String?) -> [String] {
        var bases: [String] = []
        if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") { bases.append(xdg) }
        if let home = environment("HOME"), home.hasPrefix("/"), home != "/" { bases.append(home + "/.cache") }
        return bases
    }

    /// Creates `folder` (and `parent`, 0700) when missing; true when it is a real folder (not a
    /// link) owned by this user that no one else can write (made 0700 if it was looser).
    static func makePrivate(_ folder: String, parent: String) -> Bool {
        if mkdir(parent, 0o700) != 0 && errno != EEXIST { return false }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { return false }
        var status = stat()
        guard lstat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR, status.st_uid == geteuid() else { return false }
        if status.st_mode & 0o077 != 0 { guard chmod(folder, 0o700) == 0 else { return false } }
        return true
    }
}
