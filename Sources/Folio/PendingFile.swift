import Foundation

/// A written output waiting to be put in place (see `OutputFile.prepare`).
public struct PendingFile: Sendable {
    /// The temporary holding the content (nil: written through, already final).
    let temporary: String?
    /// The path the content ends up at (a symlink's target when the output named a link).
    let target: String
    /// The output as named, for messages.
    var name: String?

    init(temporary: String?, target: String, name: String? = nil) {
        self.temporary = temporary
        self.target = target
        self.name = name
    }

    /// Renames the temporary onto the target.
    public func commit() throws {
        guard let temporary else { return }
        defer { TemporaryFiles.unregister(temporary) }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputError.writing(name ?? target, errno: code)
        }
        OutputFile.syncFolder(of: target)
    }

    /// Removes the temporary (the target is left as it was).
    public func discard() {
        guard let temporary else { return }
        unlink(temporary)
        TemporaryFiles.unregister(temporary)
    }
}

/// Pages written by concurrent workers, put in place together once all succeeded.
final class PendingFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [PendingFile?]

    init(count: Int) { files = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ file: PendingFile) { lock.withLock { files[index] = file } }

    func commitAll() throws {
        let all = lock.withLock { files }
        for (index, file) in all.enumerated() {
            do { try file?.commit() } catch {
                for later in all[(index + 1)...] { later?.discard() }
                throw error
            }
        }
    }

    func discardAll() { for file in lock.withLock({ files }) { file?.discard() } }
}
