import CThreads

/// Short work on a thread of its own, started on another core than the caller's
/// (`folio_thread_start`: a new thread otherwise waited up to 3 ms behind its busy parent).
public enum HelperThread {
    /// Runs `body` on a new detached thread with `stackSize` bytes of stack; on the calling thread
    /// when no thread can be made.
    public static func start(stackSize: Int = 8 << 20, _ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Work(body)).toOpaque()
        let status = folio_thread_start(nil, 1, stackSize, { context in
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, box)
        if status != 0 { Unmanaged<Work>.fromOpaque(box).takeRetainedValue().body() }
    }

    private final class Work: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
