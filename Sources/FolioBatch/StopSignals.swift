import Dispatch
import Foundation

/// SIGINT and SIGTERM during a batch: the first asks to stop (no new job starts, running jobs
/// finish and write whole files); the second quits at once after removing this run's temporaries.
final class StopSignals: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var requested = false
    private let queue = DispatchQueue(label: "folio.batch.signals")

    /// Starts listening; `quitNow` runs (then the process exits 130) on the second signal.
    init(quitNow: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                let second = self.requested
                self.requested = true
                self.lock.unlock()
                if second {
                    quitNow()
                    exit(130)
                }
                FileHandle.standardError.write(Data("\nfolio: stopping after the running jobs finish (again to quit now)\n".utf8))
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether a stop was asked for.
    var stopRequested: Bool {
        lock.lock(); defer { lock.unlock() }
        return requested
    }

    /// Stops listening and restores the default actions.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
