import Foundation

/// With `FOLIO_TRACE_TEMPLATES=1`, the time spent rendering templates (all threads) is summed and
/// printed to standard error at exit: `trace: templates 123.4 ms in 1000 renders` (for benchmarks).
enum TemplateTiming {
    static let enabled: Bool = {
        guard ProcessInfo.processInfo.environment["FOLIO_TRACE_TEMPLATES"] == "1" else { return false }
        atexit {
            let (nanoseconds, count) = TemplateTiming.totals()
            let line = String(format: "trace: templates %.1f ms in %d renders\n", Double(nanoseconds) / 1e6, count)
            FileHandle.standardError.write(Data(line.utf8))
        }
        return true
    }()

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
