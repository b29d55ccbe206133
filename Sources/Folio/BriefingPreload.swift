import Foundation
import FolioModel

/// A briefing loaded, and its data charts read, on another thread while the caller makes its
/// `Renderer` (the font catalog and Pango's font maps): the two share nothing, and each took about
/// 5–15 ms of a command's start.
/// `folio render` and `folio charts` start one before their renderer and hand it over.
public final class BriefingPreload: @unchecked Sendable {
    public let source: String
    public let options: LoadOptions
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the loading thread before `done` is signalled; read only after waiting.
    private var result: Result<(Briefing, DiagnosticLog), Error>?
    /// Whether the caller (one thread) has waited already.
    private var waited = false

    public init(source: String, options: LoadOptions) {
        self.source = source
        self.options = options
        let thread = Thread { [self] in
            let log = DiagnosticLog()
            result = Result { (try BriefingLoader.load(path: Renderer.loadPath(for: source), options: options, log: log), log) }
            // Data charts read their rows here too (kept in the data set's memo): 30,000 cells of
            // a 10,000-point chart. One that fails is read again, and reports, where it is laid out.
            if case .success((let briefing, _)) = result {
                for chart in briefing.charts where chart.kind == .chart { _ = try? DataChartFence.readOnce(chart, data: briefing.data) }
            }
            done.signal()
        }
        thread.stackSize = 8 << 20  // as the main thread's: the loaders recurse on nested input
        thread.start()
    }

    /// The briefing and the warnings its loading logged, or the loader's error.
    func wait() throws -> (Briefing, DiagnosticLog) {
        if !waited { done.wait(); waited = true }
        return try result!.get()
    }
}
