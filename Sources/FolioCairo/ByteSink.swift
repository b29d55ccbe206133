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
final class SinkBridge {
    let sink: ByteSink
    private(set) var failure: Error?

    init(_ sink: ByteSink) { self.sink = sink }

    /// The closure pointer Cairo hands back to `callback` (the surface keeps the bridge alive).
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    func write(_ data: UnsafePointer<UInt8>?, _ length: Int) -> Bool {
        guard failure == nil else { return false }
        do {
            try sink.write(UnsafeRawBufferPointer(start: data, count: length))
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
