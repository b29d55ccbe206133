import Foundation

/// SIGINT and SIGTERM, handled outside signal context: the one place Folio reacts to them.
///
/// `start()` (the command line calls it first thing) blocks both signals in the calling thread,
/// and so in every thread started after it, and starts one thread that waits for them with
/// `sigwait` and calls the current handler as ordinary code. The default handler removes the
/// live temporaries (`TemporaryFiles`) and ends the process by the same signal, so its parent
/// sees the signal; a batch sets its own handler (the first signal stops gently).
public enum SignalWatch {
    /// The signals watched.
    public static let stopSignals = [SIGINT, SIGTERM]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var handler: (@Sendable (Int32) -> Void)?
    nonisolated(unsafe) private static var started = false

    /// Blocks SIGINT and SIGTERM and starts the waiting thread (once per process).
    public static func start() {
        let first = lock.withLock {
            defer { started = true }
            return !started
        }
        guard first else { return }
        var set = signals()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let thread = Thread {
            while true {
                var waited = signals()
                var number: Int32 = 0
                guard sigwait(&waited, &number) == 0 else { continue }
                let current = lock.withLock { handler }
                if let current { current(number) } else { endBySignal(number) }
            }
        }
        thread.name = "folio-signals"
        thread.start()
    }

    /// Replaces the handler (nil: the default, remove temporaries and end by the signal).
    public static func setHandler(_ newHandler: (@Sendable (Int32) -> Void)?) {
        lock.withLock { handler = newHandler }
    }

    /// Removes this process's temporaries, then ends it by `number` (so its parent sees the signal).
    public static func endBySignal(_ number: Int32) -> Never {
        TemporaryFiles.removeAll(finally: true)
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        exit(128 + number) // not reached: the default action ends the process
    }

    private static func signals() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for number in stopSignals { sigaddset(&set, number) }
        return set
    }
}
