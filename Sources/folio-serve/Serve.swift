import ArgumentParser
import Folio
import FolioCommandLine
import FolioServe
import Foundation

/// `folio serve`: the HTTP render service (docs/openapi.yaml).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",  // named, not derived from the type name at every start
        abstract: ServerCommandHelp.serve,
        discussion: """
        Each request's inputs live in a temporary folder of their own, removed afterwards; nothing
        outside it is read. Too large a request gets 413, a full queue 429, a render past --timeout 503.
        Example: folio serve --port 8080 --jobs 2
        """
    )

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(help: "The address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
    var host: String = "127.0.0.1"

    @Option(help: "Renders at once (default: the number of cores).")
    var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    @Option(help: "Requests that may wait for a renderer; more get 429.")
    var queue: Int = 16

    @Option(help: "Seconds a request may wait and render before it gets 503.")
    var timeout: Double = 30

    @Option(name: .customLong("max-body"), help: "The largest request body in bytes; larger gets 413.")
    var maximumBody: Int = 16 << 20

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 64") }
        guard queue >= 0 else { throw ValidationError("--queue must be 0 or more") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
        guard maximumBody >= 1024 else { throw ValidationError("--max-body must be at least 1024") }
    }

    func run() throws {
        var options = ServeOptions()
        options.host = host
        options.port = port
        options.jobs = jobs
        options.queue = queue
        options.timeout = timeout
        options.maximumBodyBytes = maximumBody
        let service = try RenderService(options: options)
        try runForever {
            try await service.run { port in
                print("folio serve: listening on http://\(host):\(port) (\(jobs) jobs, queue \(queue))")
                fflush(nil)
            }
        }
    }
}

/// Runs an async server on this (synchronous) command's thread until it ends.
func runForever(_ body: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let failure = LockedError()
    Task {
        do { try await body() } catch { failure.error = error }
        done.signal()
    }
    done.wait()
    if let error = failure.error { throw error }
}

final class LockedError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
