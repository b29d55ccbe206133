import Folio
import Foundation

/// Renders on a fixed number of workers, each with its own `Renderer` (fonts and caches), behind
/// a bounded queue: a job that finds the queue full is refused at once, one that waits or runs
/// past the timeout is answered with `RenderPoolError.timedOut` (its render finishes unseen).
public final class RenderPool: @unchecked Sendable {
    public let jobs: Int
    public let queueLimit: Int
    public let timeout: Double
    private let lock = NSCondition()
    private var waiting: [Job] = []
    private var busy = 0

    /// One queued render and the continuation that hears of it once.
    final class Job: @unchecked Sendable {
        let work: (Renderer) -> Void
        let expired: () -> Bool
        init(work: @escaping (Renderer) -> Void, expired: @escaping () -> Bool) { self.work = work; self.expired = expired }
    }

    /// `jobs` workers (each loads its fonts now), at most `queueLimit` jobs waiting, `timeout` seconds per job.
    public init(jobs: Int, queueLimit: Int, timeout: Double) throws {
        self.jobs = max(1, jobs)
        self.queueLimit = max(0, queueLimit)
        self.timeout = timeout
        for index in 0..<self.jobs {
            let renderer = try Renderer(shapesInParallel: self.jobs == 1)
            let box = UncheckedBox(renderer)
            let thread = Thread { [self] in work(with: box.value) }
            thread.name = "folio-render-\(index + 1)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Jobs waiting and running now.
    public var load: (waiting: Int, running: Int) { lock.withLock { (waiting.count, busy) } }

    /// Runs `body` on a worker; throws `RenderPoolError.busy` when the queue is full and
    /// `.timedOut` after `timeout` seconds.
    public func run<T: Sendable>(_ body: @escaping @Sendable (Renderer) throws -> T) async throws -> T {
        let once = Once<Result<T, Error>>()
        return try await withCheckedThrowingContinuation { continuation in
            once.onFirst = { continuation.resume(with: $0) }
            let job = Job(work: { renderer in once.deliver(Result { try body(renderer) }) }, expired: { once.done })
            let accepted: Bool = lock.withLock {
                guard busy + waiting.count < jobs + queueLimit else { return false }
                waiting.append(job)
                lock.signal()
                return true
            }
            guard accepted else { once.deliver(.failure(RenderPoolError.busy)); return }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { once.deliver(.failure(RenderPoolError.timedOut)) }
        }
    }

    private func work(with renderer: Renderer) {
        while true {
            let job: Job = lock.withLock {
                while waiting.isEmpty { lock.wait() }
                busy += 1
                return waiting.removeFirst()
            }
            if !job.expired() { job.work(renderer) }
            lock.withLock { busy -= 1 }
        }
    }
}

/// Hands a value that one thread at a time uses to the thread that will own it.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Why the pool did not render a job.
public enum RenderPoolError: Error {
    case busy, timedOut
}

/// Hands the first of several results to `onFirst`; later ones are dropped.
final class Once<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var delivered = false
    var onFirst: ((Value) -> Void)?
    var done: Bool { lock.withLock { delivered } }

    func deliver(_ value: Value) {
        let handler: ((Value) -> Void)? = lock.withLock {
            guard !delivered else { return nil }
            delivered = true
            return onFirst
        }
        handler?(value)
    }
}
