import Foundation

/// Runs planned jobs on worker threads, each worker with its own `JobRunner` (and `Renderer`),
/// made once and reused for every job the worker takes.
///
/// Workers take the next job from a shared queue; a job's failure is its outcome, never the
/// batch's. When `shouldStop` turns true no new job starts; running jobs finish.
final class BatchExecutor: @unchecked Sendable {
    private let jobs: [PlannedJob]
    private let workers: Int
    private let makeRunner: @Sendable () throws -> JobRunner
    private let condition = NSCondition()
    private var next = 0
    private var running = 0
    private var outcomes: [JobOutcome?]

    init(jobs: [PlannedJob], workers: Int, makeRunner: @escaping @Sendable () throws -> JobRunner) {
        self.jobs = jobs
        self.workers = max(1, min(workers, jobs.count))
        self.makeRunner = makeRunner
        outcomes = Array(repeating: nil, count: jobs.count)
    }

    /// Runs every job (or until stopped); `finished` is called for each outcome, one at a time;
    /// `tick` about four times a second on the calling thread while jobs run.
    func run(shouldStop: @escaping @Sendable () -> Bool, finished: @escaping @Sendable (JobOutcome) -> Void, tick: () -> Void) -> [JobOutcome] {
        guard !jobs.isEmpty else { return [] }
        condition.lock()
        running = workers
        condition.unlock()
        for index in 0..<workers {
            let thread = Thread { [self] in work(shouldStop: shouldStop, finished: finished) }
            thread.name = "folio-batch-\(index + 1)"
            thread.stackSize = 16 << 20
            thread.start()
        }
        condition.lock()
        while running > 0 {
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.25))
            condition.unlock()
            tick()
            condition.lock()
        }
        condition.unlock()
        return zip(jobs, outcomes).map { planned, outcome in outcome ?? JobOutcome(name: planned.job.name, status: .notStarted) }
    }

    private func work(shouldStop: () -> Bool, finished: (JobOutcome) -> Void) {
        var runner: JobRunner?
        var setupError: Error?
        while let index = take(shouldStop: shouldStop) {
            var outcome: JobOutcome
            if runner == nil && setupError == nil {
                do { runner = try makeRunner() } catch { setupError = error }
            }
            if let runner {
                outcome = runner.run(jobs[index])
            } else {
                outcome = JobOutcome(name: jobs[index].job.name, status: .failed)
                outcome.error = "folio: error: cannot set up rendering: \(setupError.map { "\($0)" } ?? "unknown error")"
            }
            condition.lock()
            outcomes[index] = outcome
            finished(outcome)
            condition.unlock()
        }
        condition.lock()
        running -= 1
        condition.signal()
        condition.unlock()
    }

    private func take(shouldStop: () -> Bool) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard next < jobs.count, !shouldStop() else { return nil }
        next += 1
        return next - 1
    }
}
