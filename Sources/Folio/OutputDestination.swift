import Foundation

/// How an output path is written: replaced through a temporary, or written through as it is.
enum OutputDestination: Equatable {
    /// A regular file or a new one at this path (a symlink's final target): temporary, then rename.
    case replace(String)
    /// A device, FIFO or socket-like node at this path: opened and written, never replaced.
    case through(String)

    /// The destination of `path`, following symlinks (at most 40, as the kernel does).
    init(_ path: String) throws {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0 else {
                guard errno == ENOENT else { throw OutputError.writing(path, errno: errno) }
                self = .replace(current)
                return
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                current = try Self.linkTarget(current, naming: path)
            case S_IFREG:
                self = .replace(current)
                return
            case S_IFDIR:
                throw OutputError("cannot write '\(path)': it is a folder")
            default:
                self = .through(current)
                return
            }
        }
        throw OutputError.writing(path, errno: ELOOP)
    }

    /// Where the link at `link` points, relative targets joined to the link's folder.
    static func linkTarget(_ link: String, naming path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(link, &buffer, buffer.count - 1)
        guard length >= 0 else { throw OutputError.writing(path, errno: errno) }
        let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        return OutputPath.join(OutputPath.folder(of: link), target)
    }
}
