import CPangoCairo
import FolioDisplay

/// Total-fit breaking for justified and ragged-right paragraphs: the widths and break
/// opportunities come from the layout Pango already shaped (first fit); `TotalFitBreaker` chooses
/// the breaks; when they differ from Pango's, the paragraph is laid out again with line breaks
/// allowed only at the chosen places, so Pango shapes, orders (bidi) and draws every line.
extension PangoMeasurer {
    /// What total fit decided for a paragraph.
    struct TotalFitPlan {
        /// Byte where each line starts.
        var lineStarts: [Int]
        /// Line ends (bytes) of lines left ragged: broken inside a word (emergency), or too loose to justify.
        var raggedEnds: Set<Int>
        /// The natural width of the widest line (points): more than the measure when a line shrinks.
        var widest: Double = 0
    }

    /// Hyphenation points cost this much in justified text (TeX's \hyphenpenalty), more in ragged text.
    static let hyphenPenalty = 50.0
    static let raggedHyphenPenalty = 50.0
    /// Justified lines before a long word needing more than this many times their spaces' stretch are set ragged instead.
    static let raggedStretch = 3.0

    /// The total-fit breaks of the paragraph laid out in `built` (first fit at `width`), or nil when
    /// total fit does not apply (no spaces to stretch, or no way to keep lines within the width).
    func totalFitPlan(_ built: PangoLayoutBuilder.Built, spans: [TextSpan], width: Double, ragged: Bool) -> TotalFitPlan? {
        let layout = built.layout, text = built.text
        guard text.count > 1, pango_layout_get_line_count(layout) > 1 else { return nil }
        var hyphenWidth = 0.0
        guard let widths = clusterWidths(layout, count: text.count, hyphen: &hyphenWidth) else { return nil }
        var advance = [Double](repeating: 0, count: text.count + 1)
        var spaceAdvance = [Double](repeating: 0, count: text.count + 1)
        var spaceCount = 0
        var lastSpace = 0.0
        for byte in 0..<text.count {
            let isSpace = text[byte] == 0x20
            var width = widths[byte]
            if isSpace {
                spaceCount += 1
                // Pango gives the space that ends a wrapped line no width: take the last space's.
                if width == 0 { width = lastSpace } else { lastSpace = width }
            }
            advance[byte + 1] = advance[byte] + width
            spaceAdvance[byte + 1] = spaceAdvance[byte] + (isSpace ? width : 0)
        }
        // Scripts written without spaces (Chinese, Japanese) keep Pango's breaks.
        guard ragged || spaceCount * 24 >= text.count else { return nil }
        if hyphenWidth == 0 { hyphenWidth = self.hyphenWidth(spans.first?.style) }
        var attrCount: Int32 = 0
        guard let attrs = pango_layout_get_log_attrs_readonly(layout, &attrCount) else { return nil }
        var settings = TotalFitBreaker.Settings()
        settings.mode = ragged ? .ragged : .justified
        let breaker = TotalFitBreaker(advance: advance, spaceAdvance: spaceAdvance, width: width, settings: settings)
        let penalty = ragged ? Self.raggedHyphenPenalty : Self.hyphenPenalty
        var candidates = Self.candidates(text: text, attrs: attrs, count: Int(attrCount), hyphenWidth: hyphenWidth,
                                         hyphenPenalty: penalty, emergency: false)
        var chosen: [Int]?
        for tolerance in settings.tolerances where chosen == nil {
            chosen = breaker.run(candidates, start: 0, tolerance: tolerance, emergency: false)
        }
        if chosen == nil {
            candidates = Self.candidates(text: text, attrs: attrs, count: Int(attrCount), hyphenWidth: hyphenWidth,
                                         hyphenPenalty: penalty, emergency: true)
            chosen = breaker.run(candidates, start: 0, tolerance: .infinity, emergency: true)
        }
        guard let chosen else { return nil }
        var starts = [0]
        var raggedEnds = Set<Int>()
        var widest = 0.0
        for index in chosen {
            let candidate = candidates[index], start = starts[starts.count - 1]
            let natural = advance[candidate.contentEnd] - advance[start] + candidate.extraWidth
            widest = max(widest, natural)
            guard index != chosen.last else { break }
            starts.append(candidate.position)
            // A line that must stretch its spaces past `raggedStretch` times their stretch because a long
            // word follows (the last pass) is left ragged rather than shown with gaping spaces.
            let stretch = (spaceAdvance[candidate.contentEnd] - spaceAdvance[start]) * settings.stretch
            if candidate.emergency || (!ragged && width - natural > Self.raggedStretch * stretch
                                       && Self.holdsLongWord(text, from: start, to: candidate.position, advance: advance, width: width)) {
                raggedEnds.insert(candidate.position)
            }
        }
        return TotalFitPlan(lineStarts: starts, raggedEnds: raggedEnds, widest: widest)
    }

    /// Whether a word of the line from `start` to `end`, or the word after it, takes more than half
    /// the line (a long token that forces the lines around it to stretch).
    static func holdsLongWord(_ text: [UInt8], from start: Int, to end: Int, advance: [Double], width: Double) -> Bool {
        var wordStart = start, index = start
        while index <= text.count {
            let boundary = index == text.count || text[index] == 0x20 || text[index] == 0x0A
            if boundary {
                if advance[index] - advance[wordStart] > width / 2 { return true }
                if index >= end { return false }
                wordStart = index + 1
            }
            index += 1
        }
        return false
    }

    /// `spans` without the soft hyphens total fit did not break at (Pango breaks at a soft hyphen
    /// even where breaks are not allowed), and `plan` moved to the shortened text.
    static func keepingChosenHyphens(_ spans: [TextSpan], plan: TotalFitPlan) -> ([TextSpan], TotalFitPlan) {
        let breaks = Set(plan.lineStarts)
        var removed: [Int] = []
        var offset = 0
        var result = spans
        for (index, span) in spans.enumerated() {
            let bytes = Array(span.text.utf8)
            guard bytes.contains(0xAD) else { offset += bytes.count; continue }
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var byte = 0
            while byte < bytes.count {
                if byte + 1 < bytes.count, bytes[byte] == 0xC2, bytes[byte + 1] == 0xAD, !breaks.contains(offset + byte + 2) {
                    removed.append(offset + byte)
                    removed.append(offset + byte + 1)
                    byte += 2
                    continue
                }
                kept.append(bytes[byte])
                byte += 1
            }
            result[index].text = String(decoding: kept, as: UTF8.self)
            offset += bytes.count
        }
        guard !removed.isEmpty else { return (spans, plan) }
        func moved(_ position: Int) -> Int {
            var low = 0, high = removed.count
            while low < high {
                let middle = (low + high) / 2
                if removed[middle] < position { low = middle + 1 } else { high = middle }
            }
            return position - low
        }
        return (result, TotalFitPlan(lineStarts: plan.lineStarts.map(moved), raggedEnds: Set(plan.raggedEnds.map(moved)),
                                     widest: plan.widest))
    }

    /// The byte where each line of `layout` starts.
    static func lineStarts(of layout: OpaquePointer) -> [Int] {
        var starts: [Int] = []
        var node = pango_layout_get_lines_readonly(layout)
        while let current = node {
            if let line = current.pointee.data?.assumingMemoryBound(to: PangoLayoutLine.self) {
                starts.append(Int(line.pointee.start_index))
            }
            node = current.pointee.next
        }
        return starts
    }

    /// The ranges between consecutive line starts, inside which a re-layout may not break.
    static func unbreakableRanges(_ starts: [Int], count: Int) -> [Range<Int>] {
        zip(starts, starts.dropFirst() + [count]).compactMap { $0 < $1 ? $0..<$1 : nil }
    }

    /// Each cluster's advance (points) at the byte where it starts; hyphens Pango drew at line ends
    /// are left out (their width is reported in `hyphen`).
    private func clusterWidths(_ layout: OpaquePointer, count: Int, hyphen: inout Double) -> [Double]? {
        var widths = [Double](repeating: 0, count: count + 1)
        guard let iterator = pango_layout_get_iter(layout) else { return nil }
        defer { pango_layout_iter_free(iterator) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { break }
            for run in PangoLineRuns(line: line) {
                guard let infos = run.glyphs.glyphs, let clusters = run.glyphs.log_clusters else { continue }
                let glyphCount = Int(run.glyphs.num_glyphs)
                var skip = -1
                if run.item.analysis.flags & UInt8(PANGO_ANALYSIS_FLAG_NEED_HYPHEN) != 0, glyphCount > 0 {
                    // The hyphen is the item's logically last glyph: last left to right, first right to left.
                    skip = run.item.analysis.level % 2 == 1 ? 0 : glyphCount - 1
                    hyphen = PangoUnits.points(infos[skip].geometry.width)
                }
                for index in 0..<glyphCount where index != skip {
                    let byte = Int(run.item.offset + clusters[index])
                    guard byte >= 0, byte < count else { continue }
                    widths[byte] += PangoUnits.points(infos[index].geometry.width)
                }
            }
        } while pango_layout_iter_next_line(iterator) != 0
        return widths
    }

    /// The width of a hyphen in `style` (or the body's).
    private func hyphenWidth(_ style: TextStyle?) -> Double {
        guard let style else { return 3 }
        return measureLine([TextSpan("-", style: style)], lang: "en").width
    }

    /// The break candidates of `text` from Pango's log attributes: spaces, hyphenation points,
    /// other allowed breaks, newlines, the end; with `emergency`, every other character boundary too.
    static func candidates(text: [UInt8], attrs: UnsafePointer<PangoLogAttr>, count: Int, hyphenWidth: Double,
                           hyphenPenalty: Double, emergency: Bool) -> [TotalFitBreaker.Candidate] {
        var result: [TotalFitBreaker.Candidate] = []
        var position = 0
        for charIndex in 0..<count {
            defer {
                if position < text.count {
                    position += 1
                    while position < text.count, text[position] & 0xC0 == 0x80 { position += 1 }
                }
            }
            guard charIndex > 0 else { continue }
            let attr = attrs[charIndex]
            let end = position >= text.count
            let allowed = attr.is_line_break != 0 || attr.is_mandatory_break != 0
            let isCharBreak = emergency && attr.is_char_break != 0 && !allowed
            guard end || allowed || isCharBreak else { continue }
            var contentEnd = position
            while contentEnd > 0, [0x20, 0x0A, 0x09, 0x0D].contains(text[contentEnd - 1]) { contentEnd -= 1 }
            var candidate = TotalFitBreaker.Candidate(position: min(position, text.count), contentEnd: contentEnd)
            candidate.forced = end || attr.is_mandatory_break != 0
            if isCharBreak {
                guard contentEnd == position else { continue }
                candidate.emergency = true
                candidate.penalty = 1000
                if attr.break_inserts_hyphen != 0 { candidate.extraWidth = hyphenWidth }
            } else if !candidate.forced, contentEnd == position, position >= 2 {
                if text[position - 2] == 0xC2 && text[position - 1] == 0xAD {
                    candidate.extraWidth = hyphenWidth
                    candidate.penalty = hyphenPenalty
                    candidate.flagged = true
                } else if text[position - 1] == 0x2D {
                    candidate.penalty = hyphenPenalty
                    candidate.flagged = true
                } else {
                    candidate.penalty = 20
                }
            }
            result.append(candidate)
        }
        return result
    }
}
