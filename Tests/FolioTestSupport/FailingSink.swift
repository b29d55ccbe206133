import Folio
import FolioCairo
import Foundation

/// A sink that passes bytes on until `limit` bytes were written, then fails as a full disk
/// would: for tests of the output layer (`Renderer.outputFilter`).
public final class FailingSink: ByteSink {
    let wrapped: ByteSink
    let limit: Int
    private var written = 0

    public init(wrapping wrapped: ByteSink, failingAfter limit: Int) {
        self.wrapped = wrapped
        self.limit = limit
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard written + bytes.count <= limit else { throw OutputError("cannot write: injected failure after \(limit) bytes") }
        written += bytes.count
        try wrapped.write(bytes)
    }
}
