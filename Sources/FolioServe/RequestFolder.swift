import Folio
import Foundation

/// A request's temporary folder: its files written inside (never outside: names are checked,
/// folders created fresh, nothing followed), removed with everything in it by `remove()`.
public final class RequestFolder {
    public let path: String

    /// A new private folder (mode 0700) under the system's temporary folder.
    public init() throws {
        let temporary = NSTemporaryDirectory().hasSuffix("/") ? String(NSTemporaryDirectory().dropLast()) : NSTemporaryDirectory()
        var template = Array((temporary + "/folio-serve-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw RequestError("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    /// Writes `data` at the relative `name` (its folders created); refuses names that leave the folder.
    public func write(_ data: Data, as name: String) throws {
        guard let normal = Self.safeName(name) else { throw RequestError("file name '\(name)' is not a relative path inside the request") }
        let parts = normal.split(separator: "/").map(String.init)
        var folder = path
        for part in parts.dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw RequestError("cannot create folder for '\(name)'") }
            var info = stat()
            guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw RequestError("'\(name)' is not inside a folder") }
        }
        let file = folder + "/" + (parts.last ?? "")
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw RequestError("file '\(name)' is given twice or cannot be written") }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else { throw RequestError("cannot write file '\(name)'") }
    }

    /// Removes the folder and everything in it.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// The name normalized (`a/./b` → `a/b`), or nil when it is empty, absolute, leaves the folder,
    /// or has a control character or a backslash.
    public static func safeName(_ name: String) -> String? {
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" || $0.value == 0x7F }),
              let normal = InMemoryFiles.normalize(name), !normal.isEmpty, normal.count <= 255 else { return nil }
        return normal
    }
}
