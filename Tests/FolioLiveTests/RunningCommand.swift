import FolioTestSupport
import Foundation
import XCTest

/// A command left running (folio watch, serve, preview, or another program such as chromedriver):
/// its output read as it comes, lines awaited with a timeout, the process stopped by `stop()` (and
/// when the object goes away).
final class RunningCommand: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    init(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
         executable: String = TestSupport.folioBinary) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.out.append(data) }
        }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.err.append(data) }
        }
        try process.run()
    }

    deinit { stop() }

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// Standard output's lines that contain `text`.
    func lines(containing text: String) -> [String] {
        stdout.split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }

    /// Waits until at least `count` lines of standard output contain `text`; false on timeout.
    @discardableResult
    func waitForLines(containing text: String, count: Int, timeout: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if lines(containing: text).count >= count { return true }
            if !process.isRunning { return lines(containing: text).count >= count }
            usleep(10_000)
        }
        return false
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
