import CThreads
import FolioBundle
@testable import FolioModel
import XCTest

/// `HelperThread` starts its work on another core than the caller's, then lets it run anywhere
/// the caller may (a helper pinned for good would fight the caller for one core).
final class HelperThreadTests: XCTestCase {
    private final class Report: @unchecked Sendable {
        var cores = -1
        let done = DispatchSemaphore(value: 0)
    }

    func testTheWorkRunsWithTheCallersCores() {
        let callers = folio_thread_allowed_cores()
        XCTAssertGreaterThan(callers, 0)
        for _ in 0..<20 {
            let report = Report()
            HelperThread.start {
                report.cores = Int(folio_thread_allowed_cores())
                report.done.signal()
            }
            XCTAssertEqual(report.done.wait(timeout: .now() + 10), .success)
            XCTAssertEqual(report.cores, Int(callers), "the helper may run on every core the caller may")
        }
    }

    func testThreadResultsGiveTheirValuesAndErrors() throws {
        // Forty at once, each blocked until all have started: each runs on a thread of its own.
        let started = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0)
        let results = (0..<40).map { index in
            ThreadResult { () -> Int in
                started.signal()
                go.wait()
                if index == 7 { throw Diagnostic.error(at: .start(of: "x"), "seven") }
                return index * 2
            }
        }
        for _ in 0..<40 { XCTAssertEqual(started.wait(timeout: .now() + 10), .success, "every helper started") }
        for _ in 0..<40 { go.signal() }
        for (index, result) in results.enumerated() {
            if index == 7 { XCTAssertThrowsError(try result.wait()) } else { XCTAssertEqual(try result.wait(), index * 2) }
        }
    }
}
