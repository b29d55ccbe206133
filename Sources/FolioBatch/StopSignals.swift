import Foundation
import Folio

/// SIGINT and SIGTERM during a batch (through `SignalWatch`): the first asks to stop (no new job
/// starts, running jobs finish and write whole files); the second removes this run's temporaries
/// (the shared `TemporaryFiles` registry, and `cleanUp` for the batch's staging) and exits 130.
final class StopSignals: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    /// Starts listening; `cleanUp` runs (then the process exits 130) on the second signal.
    init(cleanUp: @escaping @Sendable () -> Void) {
        SignalWatch.setHandler { [weak self] _ in
            guard let self else { return }
            let second = self.lock.withLock {
                defer { self.requested = true }
                return self.requested
            }
            if second {
                cleanUp()
                TemporaryFiles.removeAll(finally: true)
                Self.quit()
            }
            FileHandle.standardError.write(Data("\nfolio: stopping after the running jobs finish (again to quit now)\n".utf8))
        }
    }

    /// Ends the process with status 130 at once. `_exit`, not `exit`: the workers are still running,
    /// and `exit` would run the C++ libraries' static destructors (qpdf's, libstdc++'s) under them:
    /// a second SIGTERM sometimes ended the batch with a segmentation fault.
    static func quit() -> Never {
        fflush(nil)
        _exit(130)
    }

    /// Whether a stop was asked for.
    var stopRequested: Bool { lock.withLock { requested } }

    /// Stops listening: signals end the process again (after removing temporaries). Once a stop
    /// was asked for, the process is on its way to exit 130, so a signal in that window (the
    /// second one, arriving after the last job finished) exits 130 too rather than by the signal.
    func cancel() {
        if stopRequested {
            SignalWatch.setHandler { _ in
                TemporaryFiles.removeAll(finally: true)
                Self.quit()
            }
        } else {
            SignalWatch.setHandler(nil)
        }
    }
}
