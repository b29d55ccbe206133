import FolioDisplay
import Foundation
import FolioBundle

/// Shaping ahead: a batch of requests shared between this thread and a helper thread.
extension PangoMeasurer {
    /// Batches smaller than this are shaped on demand (a second thread would not pay).
    static let minimumParallelBatch = 12

    public var shapesAhead: Bool { shapesInParallel }

    public func shapeAhead(_ requests: [TextRequest]) {
        guard shapesInParallel, requests.count >= Self.minimumParallelBatch else { return }
        // Every family joins the catalog here, on this thread, before the cache check (a family
        // added now drops the caches); the helper's font map only reads the catalog.
        joinCatalog(requests.lazy.flatMap(\.spans))
        var seen = Set<TextRequest>()
        let pending = requests.filter { !isCached($0) && seen.insert($0).inserted }
        guard pending.count >= Self.minimumParallelBatch, let results = shareWithHelper(pending) else { return }
        for (request, result) in zip(pending, results) { store(result, for: request) }
    }

    /// Shaping ahead on the helper thread while a dry run records requests (see `StreamedShaping`).
    public func startShapingAhead() -> ShapingAhead? {
        shapesInParallel ? StreamedShaping(measurer: self) : nil
    }

    /// Whether shaping `request` needs no family the font catalog lacks (asking for one changes the
    /// catalog, which the helper thread reads: only this thread may, and only while it is idle).
    /// `held`: families found held before (the catalog only grows), so each is looked up once.
    func catalogHolds(_ request: TextRequest, held: inout Set<String>) -> Bool {
        guard let catalog = fonts.catalog else { return true }
        for span in request.spans where !held.contains(span.style.font.family) {
            guard catalog.holds(family: span.style.font.family) else { return false }
            held.insert(span.style.font.family)
        }
        return true
    }

    /// Keeps the helper's counts of what it shaped since `before` (unknown glyphs, paragraphs, lines).
    func countHelperWork(since before: (Int, Int, Int), answers: Int, helper: ParallelShaper) {
        helperShaped += answers
        unknownGlyphCount += helper.measurer.unknownGlyphCount - before.0
        shapedParagraphs += helper.measurer.shapedParagraphs - before.1
        shapedLines += helper.measurer.shapedLines - before.2
    }

    /// Batches of lines shorter than this are measured on this thread alone.
    static let minimumParallelLines = 256

    /// Each of `lines` measured as one line, on this thread and the helper's together when there are
    /// many (a long code block). Short lines are not cached, as in `measureLine`.
    public func measureLines(_ lines: [[TextSpan]], lang: String) -> [TextLine] {
        guard shapesInParallel, lines.count >= Self.minimumParallelLines else { return lines.map { measureLine($0, lang: lang) } }
        joinCatalog(lines.lazy.joined())
        let requests = lines.map { TextRequest.line($0, lang: lang) }
        guard let results = shareWithHelper(requests) else { return lines.map { measureLine($0, lang: lang) } }
        return zip(lines, results).map { spans, result in
            guard case .line(let line) = result else { return measureLine(spans, lang: lang) }
            if !Self.skipsCache(spans) { store(result, for: .line(spans, lang: lang)) }
            return line
        }
    }

    /// Makes sure the font catalog knows every family `spans` use (asked once per run of one font).
    private func joinCatalog<Spans: Sequence>(_ spans: Spans) where Spans.Element == TextSpan {
        var last: FontSpec?
        for span in spans where span.style.font != last {
            _ = fonts.description(for: span.style.font)
            last = span.style.font
        }
        checkFontGeneration()
    }

    /// `requests` shaped by this thread and the helper's, whichever is free taking the next; their
    /// results in the same order. Nil when there is no helper (the caller shapes them itself).
    private func shareWithHelper(_ requests: [TextRequest]) -> [TextResult]? {
        guard let helper = startHelper() else { return nil }
        let before = (helper.measurer.unknownGlyphCount, helper.measurer.shapedParagraphs, helper.measurer.shapedLines)
        let queue = TextQueue(requests)
        let started = helper.start(queue)
        let mine = queue.answer(with: self)
        let theirs = started.finish()
        countHelperWork(since: before, answers: theirs.count, helper: helper)
        var results = [TextResult?](repeating: nil, count: requests.count)
        for (index, result) in mine { results[index] = result }
        for (index, result) in theirs { results[index] = result }
        return results.map { $0! }
    }

    /// The helper, made on first use. A helper that cannot be made is not tried again: its error
    /// is kept in `helperFailure` (and printed with `FOLIO_TRACE=1`), and shaping stays serial.
    func startHelper() -> ParallelShaper? {
        if let helper { return helper }
        guard helperFailure == nil else { return nil }
        do {
            helper = try ParallelShaper(sharingWith: self)
        } catch {
            helperFailure = "\(error)"
            if EnvironmentVariable.isOne("FOLIO_TRACE") {
                FileHandle.standardError.write(Data("trace: shaping stays on one thread: \(error)\n".utf8))
            }
        }
        return helper
    }

    func isCached(_ request: TextRequest) -> Bool {
        switch request {
        case .line(let spans, let lang): lineCache[LineKey(spans: spans, lang: lang)] != nil
        case .paragraph(let paragraph, let width): paragraphCache[ParagraphKey(paragraph: paragraph, width: width)] != nil
        }
    }

    /// Shapes one request without caching it (the helper thread's half is cached by the main one).
    func shape(_ request: TextRequest) -> TextResult {
        switch request {
        case .line(let spans, let lang): .line(shapeLine(spans, lang: lang))
        case .paragraph(let paragraph, let width): .paragraph(shapeParagraph(paragraph, width: width))
        }
    }

    func store(_ result: TextResult, for request: TextRequest) {
        switch (request, result) {
        case (.line(let spans, let lang), .line(let line)):
            if lineCache.count >= Self.cacheLimit { lineCache.removeAll(keepingCapacity: true) }
            lineCache[LineKey(spans: spans, lang: lang)] = line
        case (.paragraph(let paragraph, let width), .paragraph(let lines)):
            if paragraphCache.count >= Self.cacheLimit { paragraphCache.removeAll(keepingCapacity: true) }
            paragraphCache[ParagraphKey(paragraph: paragraph, width: width)] = lines
        default: break
        }
    }
}
