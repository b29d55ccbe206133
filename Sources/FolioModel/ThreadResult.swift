import Foundation
import FolioBundle

/// A value worked out on a thread of its own, for the caller to wait for when it needs it (a
/// briefing loading while fonts are prepared, the second half of a long CSV file). One caller waits.
public final class ThreadResult<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the working thread before `done` is signalled; read only after waiting.
    private var result: Result<Value, Error>?
    private var waited = false

    /// Starts `work` at once; `stackSize` as the main thread's (8 MiB) for work that recurses on input.
    public init(stackSize: Int = 8 << 20, _ work: @escaping @Sendable () throws -> Value) {
        HelperThread.start(stackSize: stackSize) { [self] in
            result = Result { try work() }
            done.signal()
        }
    }

    /// The value, or the error `work` threw.
    public func wait() throws -> Value {
        if !waited { done.wait(); waited = true }
        return try result!.get()
    }
}
