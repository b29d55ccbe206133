import Foundation
import FolioBundle

/// Prints how long each pipeline phase took when `FOLIO_TRACE=1` (for benchmarks and profiling).
public enum PhaseTimer {
    static let enabled = EnvironmentVariable.isOne("FOLIO_TRACE")
    /// The previous mark's time. Read and written only under `lock` (batch workers mark too).
    nonisolated(unsafe) static var last = Date()
    static let lock = NSLock()

    public static func mark(_ phase: String) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            FileHandle.standardError.write(Data(String(format: "trace: %-12@ %7.1f ms\n", phase, now.timeIntervalSince(last) * 1000).utf8))
            last = now
        }
    }
}
