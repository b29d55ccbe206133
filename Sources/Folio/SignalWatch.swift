import Dispatch
import Foundation

/// SIGINT and SIGTERM handled off the signal context, on a queue: the one place Folio reacts to
/// them (a render removes its temporaries and ends by the same signal; a batch stops gently first).
public final class SignalWatch: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "folio.signals")

    /// The signals watched.
    public static let stopSignals = [SIGINT, SIGTERM]

    /// Calls `handler` with each SIGINT or SIGTERM received until `cancel()`.
    public init(_ handler: @escaping @Sendable (Int32) -> Void) {
        for number in Self.stopSignals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching and restores the default actions.
    public func cancel() {
        for source in sources { source.cancel() }
        for number in Self.stopSignals { signal(number, SIG_DFL) }
    }

    /// Removes this process's temporaries, then ends it by `number` (so its parent sees the signal).
    public static func endBySignal(_ number: Int32) -> Never {
        TemporaryFiles.removeAll(finally: true)
        signal(number, SIG_DFL)
        // kill, not raise: this runs on a queue thread, where libdispatch blocks signals.
        kill(getpid(), number)
        // The signal is delivered to a thread that does not block it; wait for it.
        while true { pause() }
    }

    /// For commands that write files: on SIGINT or SIGTERM, remove the temporaries and end by that signal.
    @discardableResult
    public static func removeTemporariesOnStop() -> SignalWatch {
        SignalWatch { endBySignal($0) }
    }
}
