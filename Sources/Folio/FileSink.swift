import Foundation
import FolioCairo

/// A `ByteSink` writing to an open file descriptor; every error names the output path.
public final class FileSink: ByteSink {
    /// The descriptor written to (owned unless it is standard output).
    public let descriptor: Int32
    /// The output as the user named it (or "standard output"), for messages.
    public let name: String
    private let owned: Bool
    private var closed = false
    /// Bytes written to the descriptor so far.
    public private(set) var count = 0

    init(descriptor: Int32, name: String, owned: Bool = true) {
        self.descriptor = descriptor
        self.name = name
        self.owned = owned
    }

    /// Standard output (never closed by Folio).
    public static func standardOutput() -> FileSink { FileSink(descriptor: STDOUT_FILENO, name: "standard output", owned: false) }

    /// Bytes not yet written (Cairo hands over many small pieces: written in blocks of `blockSize`).
    private var buffer: [UInt8] = []
    static let blockSize = 1 << 16

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Writes what is buffered.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { try writeAll($0) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        guard var base = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, base, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError.writing(name, errno: errno)
            }
            if written == 0 { throw OutputError("cannot write '\(name)': nothing was written (the device is full?)") }
            left -= written
            count += written
            base += written
        }
    }

    /// Flushes the file to the disk (`fsync`); pipes, terminals and devices that cannot sync are fine.
    public func synchronize() throws {
        try flush()
        guard fsync(descriptor) == 0 || errno == EINVAL || errno == EROFS || errno == ENOTSUP else {
            throw OutputError.writing(name, errno: errno)
        }
    }

    /// Closes the descriptor, reporting a write error the kernel kept until then.
    public func close() throws {
        try flush()
        guard owned, !closed else { return }
        closed = true
        guard Foundation.close(descriptor) == 0 || errno == EINTR else { throw OutputError.writing(name, errno: errno) }
    }

    deinit { if owned && !closed { Foundation.close(descriptor) } }
}

extension OutputError {
    /// "cannot write 'PATH': REASON" from an `errno`.
    static func writing(_ name: String, errno code: Int32) -> OutputError {
        OutputError("cannot write '\(name)': \(String(cString: strerror(code)))")
    }
}
