// FolioServe: `folio serve` (an HTTP render service) and `folio preview` (a live page in the browser).
import Folio
import Foundation
import Hummingbird

/// How `folio serve` runs.
public struct ServeOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Renders at once (each worker keeps its own fonts and caches).
    public var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Requests that may wait for a worker before new ones get 429.
    public var queue = 16
    /// Seconds a request may wait and render before it gets 503.
    public var timeout = 30.0
    /// The largest request body, in bytes (413 beyond).
    public var maximumBodyBytes = 16 << 20

    public init() {}
}

/// `POST /render`, `GET /healthz`, `GET /metrics`: Folio as an HTTP service (docs/openapi.yaml).
public final class RenderService: Sendable {
    public let options: ServeOptions
    let pool: RenderPool
    let metrics = ServeMetrics()

    public init(options: ServeOptions) throws {
        self.options = options
        pool = try RenderPool(jobs: options.jobs, queueLimit: options.queue, timeout: options.timeout)
    }

    /// The routes, for `Application` (tests serve them on an ephemeral port).
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in Response.text("ok\n") }
        router.get("/metrics") { [self] _, _ in
            Response.text(metrics.text(load: pool.load), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.post("/render") { [self] request, _ in
            let start = ContinuousClock.now
            let response = await render(request)
            metrics.count(status: Int(response.status.code))
            metrics.renderSeconds.record(ContinuousClock.now - start)
            return response
        }
        return router
    }

    /// Serves until the process is stopped; `onReady` hears the bound port.
    public func run(onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(options.host, port: options.port), serverName: "folio"),
                              onServerRunning: { channel in onReady(channel.localAddress?.port ?? 0) })
        try await app.runService(gracefulShutdownSignals: [])  // SIGINT, SIGTERM: SignalWatch ends the process
    }

    /// Reads, checks and renders one request; every failure becomes a 4xx (or 503 on timeout) with a JSON body.
    func render(_ request: Request) async -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maximumBodyBytes {
            return .error(413, "the request is larger than \(options.maximumBodyBytes) bytes")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: options.maximumBodyBytes)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            return .error(413, "the request is larger than \(options.maximumBodyBytes) bytes")
        } catch {
            return .error(400, "cannot read the request body")
        }
        let parsed: RenderRequest
        do {
            let type = request.headers[.contentType] ?? ""
            if let boundary = RenderRequest.boundary(ofContentType: type) {
                parsed = try RenderRequest(multipart: body, boundary: boundary)
            } else if type.lowercased().hasPrefix("application/json") {
                parsed = try RenderRequest(json: Data(body.readableBytesView))
            } else {
                return .error(415, "send application/json or multipart/form-data")
            }
            try parsed.validate()
        } catch {
            return .error(400, "\(error)")
        }
        do {
            let rendered = try await pool.run { renderer in try Self.render(parsed, with: renderer) }
            return try .document(rendered, name: Renderer.baseName(of: parsed.name))
        } catch RenderPoolError.busy {
            return .error(429, "the render queue is full; try again later")
        } catch RenderPoolError.timedOut {
            return .error(503, "the render took longer than \(options.timeout) s")
        } catch let diagnostic as Diagnostic {
            return .diagnostics([diagnostic])
        } catch let list as DiagnosticList {
            return .diagnostics(list.diagnostics)
        } catch let error as RequestError {
            return .error(400, error.description)
        } catch {
            return .error(422, "\(error)")
        }
    }

    /// Writes the request's files into a fresh temporary folder, renders from it (nothing outside it
    /// is read), and removes the folder.
    static func render(_ request: RenderRequest, with renderer: Renderer) throws -> RenderedDocument {
        let folder = try RequestFolder()
        defer { folder.remove() }
        try folder.write(Data(request.briefing.utf8), as: request.name)
        for (name, data) in request.files { try folder.write(data, as: name) }
        var load = LoadOptions(params: try request.paramSettings())
        if let layout = request.layout {
            try folder.write(Data(layout.utf8), as: BriefingInput.layoutName)
            load.layout = BriefingInput.layoutName
        }
        let name = RequestFolder.safeName(request.name) ?? request.name
        return try renderer.render(briefingAt: name, from: ConfinedFolder(root: folder.path), format: request.format,
                                   dpi: request.dpi, load: load)
    }
}
