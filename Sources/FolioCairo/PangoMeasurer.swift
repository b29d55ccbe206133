import CPangoCairo
import FolioDisplay
import Foundation
import FolioBundle

/// Breaks and measures text with Pango: the `TextMeasuring` that real documents use.
///
/// Paragraph results are cached by (paragraph, width), so repeated content is shaped once.
public final class PangoMeasurer: TextMeasuring {
    public let fonts: FontEnvironment
    let builder: PangoLayoutBuilder
    /// Shapes one-span lines of printable ASCII without a Pango layout (same result, a seventh of the cost).
    let direct: DirectShaper
    /// Whether `direct` may shape lines (off only to compare it with Pango's layouts).
    var usesDirectShaping = true
    let hyphenation: HyphenationLibrary
    private var hyphenators: [String: Hyphenator?] = [:]
    /// Shapes `shapeAhead`'s requests alongside this one, on another thread with its own font map.
    var helper: ParallelShaper?
    /// Why the helper thread could not be started (shaping then stays on this thread), if it failed.
    public internal(set) var helperFailure: String?
    /// Requests the helper thread shaped, summed over every `shapeAhead` batch.
    public internal(set) var helperShaped = 0
    /// Whether `shapeAhead` may use a second thread (off for batch workers, which fill every core).
    public let shapesInParallel: Bool
    var paragraphCache: [ParagraphKey: [TextLine]] = [:]
    var lineCache: [LineKey: TextLine] = [:]
    private var fontGeneration = -1
    /// Glyphs no installed font could draw (tofu boxes), summed over every layout measured.
    public internal(set) var unknownGlyphCount = 0
    /// Layouts shaped so far (cache misses), for profiling.
    public internal(set) var shapedParagraphs = 0
    public internal(set) var shapedLines = 0
    /// Paragraphs laid out a second time at the breaks total fit chose (they differed from first fit).
    public internal(set) var totalFitRelayouts = 0
    /// Whether justified and ragged paragraphs are broken by total fit (Knuth–Plass) rather than first fit.
    /// `FOLIO_LINE_BREAKING=first-fit` in the environment turns it off (for comparisons).
    public var usesTotalFit = EnvironmentVariable.value("FOLIO_LINE_BREAKING") != "first-fit"

    struct ParagraphKey: Hashable { let paragraph: StyledParagraph; let width: Double }
    struct LineKey: Hashable { let spans: [TextSpan]; let lang: String }

    /// Entries kept in each cache before it is cleared (bounds memory on huge documents).
    static let cacheLimit = 100_000
    /// Lines up to this long are set directly on every request, without the line cache.
    static let uncachedLineBytes = 256

    /// Whether a line of `spans` is short enough to be set again rather than cached, if `direct` sets it.
    static func skipsCache(_ spans: [TextSpan]) -> Bool { spans.count == 1 && spans[0].text.utf8.count <= uncachedLineBytes }

    public convenience init(fonts: FontEnvironment, shapesInParallel: Bool = true) {
        self.init(fonts: fonts, hyphenation: HyphenationLibrary(),
                  shapesInParallel: shapesInParallel && ProcessInfo.processInfo.activeProcessorCount > 1)
    }

    init(fonts: FontEnvironment, hyphenation: HyphenationLibrary, shapesInParallel: Bool) {
        self.fonts = fonts
        self.builder = PangoLayoutBuilder(fonts: fonts)
        self.direct = DirectShaper(fonts: fonts, builder: builder)
        self.hyphenation = hyphenation
        self.shapesInParallel = shapesInParallel
    }

    /// Drops shaped results when the font set has grown (a new family may shape them differently).
    func checkFontGeneration() {
        let generation = fonts.catalog?.addedFaces ?? 0
        guard generation != fontGeneration else { return }
        fontGeneration = generation
        lineCache.removeAll(keepingCapacity: true)
        paragraphCache.removeAll(keepingCapacity: true)
        direct.reset()
    }

    public func measureLine(_ spans: [TextSpan], lang: String) -> TextLine {
        checkFontGeneration()
        // A short line set without a layout costs less than hashing its spans for the cache would;
        // a long one (a heading repeated in every page's header) is shaped once and cached.
        if Self.skipsCache(spans), let line = directLine(spans, lang: lang) { return line }
        let key = LineKey(spans: spans, lang: lang)
        if let cached = lineCache[key] { return cached }
        let line = shapeLine(spans, lang: lang)
        store(.line(line), for: .line(spans, lang: lang))
        return line
    }

    func shapeLine(_ spans: [TextSpan], lang: String) -> TextLine {
        if let line = directLine(spans, lang: lang) { return line }
        let flat = spans.map { span -> TextSpan in
            var copy = span
            copy.text = span.text.replacingNewlines()
            return copy
        }
        shapedLines += 1
        guard let built = builder.make(flat, lang: lang) else {
            return TextLine(spans: spans, width: 0, ascent: 0, descent: 0, lang: lang)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(built.layout)) }
        unknownGlyphCount += Int(pango_layout_get_unknown_glyphs_count(built.layout))
        let lines = extractLines(built, spans: flat, lang: lang, justifyWidth: nil)
        return lines.first ?? TextLine(spans: flat, width: 0, ascent: 0, descent: 0, lang: lang)
    }

    /// `spans` set by `direct`, when they are one plain ASCII span in a style it has a face for.
    private func directLine(_ spans: [TextSpan], lang: String) -> TextLine? {
        guard usesDirectShaping, spans.count == 1 else { return nil }
        return direct.line(spans[0], lang: lang)
    }

    public func breakLines(_ paragraph: StyledParagraph, width: Double) -> [TextLine] {
        checkFontGeneration()
        let key = ParagraphKey(paragraph: paragraph, width: width)
        if let cached = paragraphCache[key] { return cached }
        let lines = shapeParagraph(paragraph, width: width)
        store(.paragraph(lines), for: .paragraph(paragraph, width: width))
        return lines
    }

    func shapeParagraph(_ paragraph: StyledParagraph, width: Double) -> [TextLine] {
        var spans = paragraph.spans
        if paragraph.hyphenate, let hyphenator = hyphenator(for: paragraph.lang) {
            spans = spans.map { span in
                var copy = span
                if span.style.background == nil, !URLBreaks.isURL(span) { copy.text = hyphenator.hyphenate(span.text) }
                return copy
            }
        }
        shapedParagraphs += 1
        if Self.needsWindows(spans) {
            // One long word of plain ASCII: cut where it fills each line, shaped once, no layout.
            if usesDirectShaping, spans.count == 1,
               let lines = direct.brokenWord(spans[0], lang: paragraph.lang, width: width,
                                             hyphens: !paragraph.preformatted && !URLBreaks.isURL(spans[0]) && spans[0].style.background == nil) {
                return lines
            }
            return shapeInWindows(spans, lang: paragraph.lang, width: width,
                                  justifyWidth: paragraph.alignment == .justify ? width : nil)
        }
        guard let built = builder.make(spans, lang: paragraph.lang, preformatted: paragraph.preformatted) else { return [] }
        defer { g_object_unref(UnsafeMutableRawPointer(built.layout)) }
        pango_layout_set_width(built.layout, PangoUnits.units(max(width, 1)))
        pango_layout_set_wrap(built.layout, PANGO_WRAP_WORD_CHAR)
        unknownGlyphCount += Int(pango_layout_get_unknown_glyphs_count(built.layout))
        let justifyWidth = paragraph.alignment == .justify ? width : nil
        let totalFit = !paragraph.preformatted && usesTotalFit && (paragraph.alignment == .justify || paragraph.alignment == .left)
        guard totalFit, let plan = totalFitPlan(built, spans: spans, width: width, ragged: paragraph.alignment == .left) else {
            return extractLines(built, spans: spans, lang: paragraph.lang, justifyWidth: justifyWidth)
        }
        if plan.lineStarts == Self.lineStarts(of: built.layout) {
            return extractLines(built, spans: spans, lang: paragraph.lang, justifyWidth: justifyWidth, raggedEnds: plan.raggedEnds)
        }
        totalFitRelayouts += 1
        let (kept, moved) = Self.keepingChosenHyphens(spans, plan: plan)
        let ranges = Self.unbreakableRanges(moved.lineStarts, count: kept.reduce(0) { $0 + $1.text.utf8.count })
        guard let chosen = builder.make(kept, lang: paragraph.lang, unbreakable: ranges) else { return [] }
        defer { g_object_unref(UnsafeMutableRawPointer(chosen.layout)) }
        // Wide enough for a line total fit shrinks (Pango would cut it anywhere); justification then
        // brings it back to the measure.
        pango_layout_set_width(chosen.layout, PangoUnits.units(max(width, moved.widest + 1, 1)))
        pango_layout_set_wrap(chosen.layout, PANGO_WRAP_WORD_CHAR)
        return extractLines(chosen, spans: kept, lang: paragraph.lang, justifyWidth: justifyWidth, raggedEnds: moved.raggedEnds)
    }

    /// Starts loading `lang`'s hyphenation patterns on another core (they take ~20 ms to load).
    public func preloadHyphenation(lang: String) {
        hyphenation.preload(lang: lang)
    }

    func hyphenator(for lang: String) -> Hyphenator? {
        if let known = hyphenators[lang] { return known }
        let made = hyphenation.patterns(for: lang).map(Hyphenator.init(patterns:))
        hyphenators[lang] = made
        return made
    }

    /// Reads each line of a laid-out paragraph: its spans, width, ascent/descent and link extents.
    /// `endsParagraph` is false for a window of a longer paragraph (its last line is not the paragraph's).
    func extractLines(_ built: PangoLayoutBuilder.Built, spans: [TextSpan], lang: String, justifyWidth: Double?,
                      endsParagraph: Bool = true, raggedEnds: Set<Int> = []) -> [TextLine] {
        guard let iterator = pango_layout_get_iter(built.layout) else { return [] }
        defer { pango_layout_iter_free(iterator) }
        var lines: [TextLine] = []
        let lineCount = Int(pango_layout_get_line_count(built.layout))
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { break }
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let baseline = pango_layout_iter_get_baseline(iterator)
            let start = Int(line.pointee.start_index), end = start + Int(line.pointee.length)
            var text = LineText(built: built, spans: spans, start: start, end: end)
            let isLast = endsParagraph && lines.count == lineCount - 1
            let explicitBreak = end < built.text.count && built.text[end] == 0x0A
            var width = PangoUnits.points(logical.width)
            // A right-to-left line shows its trailing spaces at its left end: the line starts after them.
            let rightToLeft = pango_layout_line_get_resolved_direction(line) == PANGO_DIRECTION_RTL
            var lead: Int32 = 0
            if text.trailingSpaceStart < end {
                if rightToLeft {
                    lead = text.trailingAdvance(of: line)
                    width = PangoUnits.points(logical.width - lead)
                } else {
                    var x: Int32 = 0
                    pango_layout_line_index_to_x(line, Int32(text.trailingSpaceStart), 0, &x)
                    width = PangoUnits.points(x)
                }
            }
            var justification = Justification.none
            if let justifyWidth, !isLast, !explicitBreak, !raggedEnds.contains(end) {
                justification = Justification(line: line, text: built.text, contentEnd: text.trailingSpaceStart,
                                              natural: PangoUnits.units(max(0, width)), target: PangoUnits.units(justifyWidth))
                if !justification.gaps.isEmpty { width = justifyWidth }
            }
            let links = text.linkRuns(line: line, justification: justification, lead: lead)
            var result = TextLine(spans: text.finish(), width: max(0, width),
                                  ascent: PangoUnits.points(baseline - logical.y),
                                  descent: PangoUnits.points(logical.y + logical.height - baseline),
                                  links: links, lang: lang)
            if let justifyWidth, !justification.gaps.isEmpty { result.justifiedWidth = justifyWidth }
            result.rightToLeft = rightToLeft
            result.objects = text.objectRuns(line: line, justification: justification, lead: lead)
            var runs = GlyphExtraction(fonts: fonts, built: built, spans: spans)
                .runs(of: line, lineEnd: text.trailingSpaceStart, justification: justification, lead: lead)
            for index in runs.indices { runs[index].lang = ScriptLanguage.spanLanguage(of: runs[index].text, in: lang) }
            result.glyphRuns = runs
            lines.append(result)
        } while pango_layout_iter_next_line(iterator) != 0
        return lines
    }
}

extension String {
    func replacingNewlines() -> String {
        utf8.contains(0x0A) ? String(map { $0 == "\n" ? " " : $0 }) : self
    }
}
