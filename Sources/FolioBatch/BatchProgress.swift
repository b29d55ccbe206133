import Foundation
import FolioModel

/// Reports a run as it goes: on a terminal one live line (done/total, failures, elapsed, ETA)
/// above which failures are printed; otherwise one plain line per finished job.
final class BatchProgress: @unchecked Sendable {
    private let total: Int
    private let toBuild: Int
    private let live: Bool
    private let start = Date()
    private let lock = NSLock()
    private var done = 0
    private var built = 0
    private var failed = 0
    private var lineShown = false
    private var warningsShown = Set<String>()

    /// `total` jobs in this run, of which `toBuild` are built (the rest were skipped).
    init(total: Int, toBuild: Int, live: Bool) {
        self.total = total
        self.toBuild = toBuild
        self.live = live
    }

    /// A job found up to date.
    func skipped(_ name: String) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        if !live { Self.print("skipped \(name) (up to date)") }
    }

    /// A job that finished building (or failed).
    func finished(_ outcome: JobOutcome) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        clearLine()
        switch outcome.status {
        case .built:
            built += 1
            if !live { Self.print("built \(outcome.name): \(Self.count(outcome.pages, "page")), \(Self.count(outcome.files.count, "file")) (\(Self.seconds(outcome.seconds)))") }
            for warning in outcome.warnings where warningsShown.insert(warning.description).inserted {
                Self.printError(warning.description)
            }
        case .failed:
            failed += 1
            Self.print("failed \(outcome.name)")
            Self.printError(outcome.error ?? "\(outcome.name): error: failed")
        case .skipped, .notStarted:
            break
        }
        drawLine()
    }

    /// Redraws the live line (elapsed time and ETA move even when no job finishes).
    func tick() {
        lock.lock(); defer { lock.unlock() }
        clearLine()
        drawLine()
    }

    /// Clears the live line before the summary.
    func end() {
        lock.lock(); defer { lock.unlock() }
        clearLine()
    }

    private func drawLine() {
        guard live else { return }
        let elapsed = Date().timeIntervalSince(start)
        var text = "[\(done)/\(total)]"
        if failed > 0 { text += " \(failed) failed" }
        text += " · \(Self.seconds(elapsed)) elapsed"
        let finishedBuilds = built + failed
        if finishedBuilds > 0, finishedBuilds < toBuild {
            let eta = elapsed / Double(finishedBuilds) * Double(toBuild - finishedBuilds)
            text += " · ETA \(Self.seconds(eta))"
        }
        FileHandle.standardOutput.write(Data(("\r" + text + "\u{1B}[K").utf8))
        lineShown = true
    }

    private func clearLine() {
        guard live, lineShown else { return }
        FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8))
        lineShown = false
    }

    static func print(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    static func printError(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
    static func seconds(_ value: Double) -> String { String(format: value < 10 ? "%.2f s" : "%.1f s", value) }
}
