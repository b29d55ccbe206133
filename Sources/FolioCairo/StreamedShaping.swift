import FolioDisplay

/// Shaping ahead while the dry run is still recording what it will ask (`TextMeasuring.prefetch`):
/// from the `minimumParallelBatch`th request on, each goes to the helper thread as it comes, and
/// once the run is over this thread takes the rest with it. Shaping after the run, the helper sat
/// idle through it (a 296-page manual: 120 ms of dry run, then 150 ms of shaping on two threads).
///
/// A request that needs a family the font catalog lacks waits for the end (joining the catalog
/// changes what the helper reads): `finish` hands those to `shapeAhead`, with the helper idle.
/// Fewer requests than a batch are left to `shapeAhead` too (which shapes them on demand).
final class StreamedShaping: ShapingAhead {
    private struct Running {
        let helper: ParallelShaper
        let started: ParallelShaper.Pending
        let before: (Int, Int, Int)
    }

    private let measurer: PangoMeasurer
    private let queue = TextQueue()
    private var running: Running?
    /// Requests before the helper started, and those waiting for the catalog.
    private var early: [TextRequest] = []
    private var deferred: [TextRequest] = []
    /// Families the catalog was found to hold (see `PangoMeasurer.catalogHolds`).
    private var heldFamilies: Set<String> = []
    private var finished = false

    init(measurer: PangoMeasurer) {
        self.measurer = measurer
    }

    deinit { finish() }

    func add(_ request: TextRequest) {
        guard !finished, !measurer.isCached(request) else { return }
        guard measurer.catalogHolds(request, held: &heldFamilies) else {
            deferred.append(request)
            return
        }
        if running != nil {
            queue.add(request)
            return
        }
        early.append(request)
        guard early.count >= PangoMeasurer.minimumParallelBatch, let helper = measurer.startHelper() else { return }
        for waiting in early { queue.add(waiting) }
        early = []
        let before = (helper.measurer.unknownGlyphCount, helper.measurer.shapedParagraphs, helper.measurer.shapedLines)
        running = Running(helper: helper, started: helper.start(queue), before: before)
    }

    func finish() {
        guard !finished else { return }
        finished = true
        guard let running else {
            measurer.shapeAhead(early + deferred)
            return
        }
        queue.close()
        let mine = queue.answer(with: measurer)
        let theirs = running.started.finish()
        measurer.countHelperWork(since: running.before, answers: theirs.count, helper: running.helper)
        let requests = queue.requests
        for (index, result) in mine { measurer.store(result, for: requests[index]) }
        for (index, result) in theirs { measurer.store(result, for: requests[index]) }
        if !deferred.isEmpty { measurer.shapeAhead(deferred) }
    }
}
