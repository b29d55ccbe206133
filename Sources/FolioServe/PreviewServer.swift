import Folio
import Foundation
import Hummingbird

/// `folio preview`: renders the briefing to SVG pages on every change (a `LiveSession` on a
/// thread of its own) and serves a page that shows them, updated through Server-Sent Events.
public final class PreviewServer: Sendable {
    let source: String
    let load: LoadOptions
    let host: String
    let port: Int
    let state = PreviewState()

    public init(source: String, load: LoadOptions, host: String = "127.0.0.1", port: Int = 8000) throws {
        self.source = source
        self.load = load
        self.host = host
        self.port = port
    }

    /// Starts watching and serving; `onReady` hears the bound port, `report` one line per render.
    public func run(onReady: @escaping @Sendable (Int) -> Void = { _ in },
                    report: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let session = try LiveSession(source: source, renderer: Renderer().retainUntilExit())
        let box = UncheckedBox(session)
        let thread = Thread { [self] in watch(box.value, report: report) }
        thread.name = "folio-preview-render"
        thread.stackSize = 8 << 20
        thread.start()
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "folio"),
                              onServerRunning: { channel in onReady(channel.localAddress?.port ?? 0) })
        try await app.runService(gracefulShutdownSignals: [])  // SIGINT, SIGTERM: SignalWatch ends the process
    }

    private func watch(_ session: LiveSession, report: @escaping @Sendable (String) -> Void) {
        let source = source, load = load
        var previous: RenderedDocument?
        session.run(render: { renderer in
            try renderer.render(briefingAt: source, from: nil, format: .svg, load: load, previous: previous)
        }) { [state] render in
            let time = String(format: "%.1f ms", render.seconds * 1000)
            switch render.result {
            case .success(let document):
                previous = document
                state.update(pages: document.files, texts: document.pageTexts, hashes: document.pageHashes, outline: document.outline)
                report("rendered \(document.pageCount) pages (\(document.pagesDrawn) drawn) in \(time)")
            case .failure(let error):
                state.fail(error)
                report("\((error as? Diagnostic)?.description ?? "\(error)")\nfailed in \(time); showing the last good pages")
            }
        }
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: PreviewPage.html)))
        }
        router.get("/state") { [state] _, _ in
            Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: state.json)))
        }
        router.get("/pages/:file") { [state] _, context in
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".svg"), let number = Int(file.dropLast(4)), let page = state.page(number) else {
                return Response(status: .notFound)
            }
            return Response(status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "no-cache"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
        }
        router.get("/events") { [state] _, _ in
            let messages = state.subscribe().map { ByteBuffer(string: "event: render\ndata: \($0)\n\n") }
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: ResponseBody(asyncSequence: messages))
        }
        return router
    }
}
