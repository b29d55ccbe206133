import CCairo

/// Where a writer's bytes go: a file, standard output, or (in tests) a sink that fails on purpose.
///
/// Writers stream through a sink instead of naming a path, so every `write` is checked by the
/// caller's code (a full disk is an error naming the output, never a silently short file).
public protocol ByteSink: AnyObject {
    /// Writes all of `bytes`, or throws (the error should name the output).
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Carries a sink through Cairo's C write callback and keeps the first error the sink threw.
///
/// Writes are gathered in a buffer and passed on in blocks: Cairo writes uncompressed page content
/// a few bytes at a time (millions of calls for a long document). `flush` passes on the rest.
final class SinkBridge {
    let sink: ByteSink
    private(set) var failure: Error?
    static let bufferSize = 1 << 16
    private let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: SinkBridge.bufferSize)
    private var buffered = 0

    init(_ sink: ByteSink) { self.sink = sink }

    deinit { buffer.deallocate() }

    /// The closure pointer Cairo hands back to `callback` (the surface keeps the bridge alive).
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    func write(_ data: UnsafePointer<UInt8>?, _ length: Int) -> Bool {
        guard failure == nil else { return false }
        guard let data, length > 0 else { return true }
        if buffered + length > Self.bufferSize, !flush() { return false }
        if length >= Self.bufferSize { return forward(UnsafeRawBufferPointer(start: data, count: length)) }
        (buffer + buffered).update(from: data, count: length)
        buffered += length
        return true
    }

    /// Passes what is buffered on to the sink; false once the sink has failed.
    @discardableResult
    func flush() -> Bool {
        guard buffered > 0 else { return failure == nil }
        let count = buffered
        buffered = 0
        return forward(UnsafeRawBufferPointer(start: buffer, count: count))
    }

    private func forward(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard failure == nil else { return false }
        do {
            try sink.write(bytes)
            return true
        } catch {
            failure = error
            return false
        }
    }

    /// Cairo's write function: forwards to the bridge's sink.
    static let callback: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let bridge = Unmanaged<SinkBridge>.fromOpaque(closure).takeUnretainedValue()
        return bridge.write(data, Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }
}

/// A sink that keeps everything in memory (the PDF Cairo writes before it is tagged).
final class MemorySink: ByteSink {
    var bytes: [UInt8] = []
    func write(_ bytes: UnsafeRawBufferPointer) throws { self.bytes.append(contentsOf: bytes) }
}
