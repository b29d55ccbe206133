import Foundation
import FolioModel

/// A briefing loaded, and its data charts read, on another thread while the caller makes its
/// `Renderer` (the font catalog and Pango's font maps): the two share nothing, and each took about
/// 5–15 ms of a command's start.
/// `folio render` and `folio charts` start one before their renderer and hand it over.
public final class BriefingPreload: Sendable {
    private let loading: ThreadResult<(Briefing, DiagnosticLog)>

    public init(source: String, options: LoadOptions) {
        loading = ThreadResult {
            let (briefing, log) = try Renderer.load(source: source, options: options)
            // Data charts read their rows here too (kept in the data set's memo): 30,000 cells of
            // a 10,000-point chart. One that fails is read again, and reports, where it is laid out.
            for chart in briefing.charts where chart.kind == .chart { _ = try? DataChartFence.readOnce(chart, data: briefing.data) }
            return (briefing, log)
        }
    }

    /// The briefing and the warnings its loading logged, or the loader's error.
    func wait() throws -> (Briefing, DiagnosticLog) { try loading.wait() }
}
