import Foundation
import FolioBundle

/// With `FOLIO_TRACE_TEMPLATES=1`, the CPU time spent rendering templates (the rendering thread's
/// own time, so a busy machine does not inflate it; all threads summed) is printed to standard
/// error at exit: `trace: templates 123.4 ms in 1000 renders` (for benchmarks).
enum TemplateTiming {
    static let enabled: Bool = {
        guard EnvironmentVariable.isOne("FOLIO_TRACE_TEMPLATES") else { return false }
        atexit {
            let (nanoseconds, count) = TemplateTiming.totals()
            let line = String(format: "trace: templates %.1f ms in %d renders\n", Double(nanoseconds) / 1e6, count)
            FileHandle.standardError.write(Data(line.utf8))
        }
        return true
    }()

    /// The calling thread's CPU time in nanoseconds.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    nonisolated(unsafe) private static var nanoseconds: UInt64 = 0
    nonisolated(unsafe) private static var count = 0
    private static let lock = NSLock()

    static func add(_ elapsed: UInt64) {
        lock.lock()
        nanoseconds += elapsed
        count += 1
        lock.unlock()
    }

    static func totals() -> (UInt64, Int) {
        lock.lock()
        defer { lock.unlock() }
        return (nanoseconds, count)
    }
}
