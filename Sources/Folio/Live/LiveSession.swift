import Foundation
import FolioModel

/// One render of a live session (`folio watch`, `folio preview`): its result or error, its time,
/// and every input file it read or looked for.
public struct LiveRender<Output> {
    public var result: Result<Output, Error>
    /// Wall-clock time of the render, in seconds.
    public var seconds: Double
    /// Paths read or looked for (as the loaders named them).
    public var inputs: Set<String>
    /// The files whose change started this render (empty for the first).
    public var changed: Set<String>
}

/// Keeps one renderer (fonts, shaped paragraphs and chart layouts stay cached) and re-renders
/// whenever an input changes: the briefing, its data files, images and layout.
public final class LiveSession {
    public let renderer: Renderer
    /// The briefing, as given on the command line.
    public let source: String
    private let watcher: ChangeWatcher
    /// Inputs of the last good render (a failed render may have stopped before reading them all).
    private var goodInputs: Set<String> = []

    public init(source: String, renderer: Renderer) throws {
        self.source = source
        self.renderer = renderer
        self.watcher = try ChangeWatcher()
    }

    /// Renders with `body`, recording the inputs it touched and timing it.
    public func render<Output>(changed: Set<String> = [], _ body: (Renderer) throws -> Output) -> LiveRender<Output> {
        let recorder = PathRecorder()
        let start = DispatchTime.now().uptimeNanoseconds
        let result = Result { try InputFile.withObserver(recorder.record) { try body(renderer) } }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var inputs = recorder.paths
        inputs.insert(Renderer.loadPath(for: source))
        if case .success = result { goodInputs = inputs }
        watcher.watch(inputs.union(goodInputs))
        return LiveRender(result: result, seconds: seconds, inputs: inputs, changed: changed)
    }

    /// Renders now, then again after every change, reporting each render, until `stop` turns true.
    public func run<Output>(stop: () -> Bool = { false }, render body: (Renderer) throws -> Output,
                            report: (LiveRender<Output>) -> Void) {
        var changed: Set<String> = []
        while !stop() {
            report(render(changed: changed, body))
            changed = watcher.waitForChanges(stop: stop)
        }
    }
}

/// Collects the paths the loaders touch (from any thread).
final class PathRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Set<String> = []
    var paths: Set<String> { lock.withLock { stored } }
    var record: @Sendable (String) -> Void { { [self] path in lock.withLock { _ = stored.insert(path) } } }
}
