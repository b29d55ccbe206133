import CPangoCairo
import FolioDisplay

/// Long paragraphs, a window at a time: Pango re-shapes the rest of a paragraph's item for each
/// line it breaks, and its cost per line grows with the paragraph, so one 200,000-character word (or
/// a 40,000-line code block) would take minutes laid out whole.
///
/// Pango breaks lines greedily, each line from where the last one ended, so a window that starts at
/// a line start yields the same lines as the whole paragraph, all but its last one (which may end
/// where the window was cut, and is laid out again at the start of the next window). A window
/// that ends just after a newline ends a Pango paragraph, and all of its lines are final.
extension PangoMeasurer {
    /// Paragraphs longer than this (UTF-8 bytes) are laid out in windows.
    static let windowThreshold = 8192
    /// Paragraphs holding right-to-left text are laid out whole up to this length: the bidi
    /// algorithm orders a line's runs from the paragraph's first strong character and resolves weak
    /// characters from strong ones before them, which may lie before a window; beyond it, bounded
    /// time comes first (the lines break at the same places, but their runs may be ordered otherwise).
    static let rightToLeftWindowThreshold = 65536

    /// Whether `spans` are laid out in windows.
    static func needsWindows(_ spans: [TextSpan]) -> Bool {
        let length = spans.reduce(0) { $0 + $1.text.utf8.count }
        guard length > windowThreshold else { return false }
        return length > rightToLeftWindowThreshold || !spans.contains { $0.text.unicodeScalars.contains(where: TextDirection.isRightToLeft) }
    }

    /// The longest window, and the first: a dozen lines of text. A window that follows one cut
    /// inside a line holds about three lines of the length seen so far: Pango shapes what is left of
    /// a window once per line it breaks, and the line cut at the window's end is shaped again in the
    /// next, so a window of n lines shapes about (n² + 3n) / 2 lines' worth to keep n - 1 (measured,
    /// 200,000 letters: 0.94 s of CPU at three lines, 1.1 s at 1.6 or 6 lines, 1.3 s at 16).
    static let windowBytes = 1024
    static let minimumWindowBytes = 96
    static let windowLinesInTenths = 30

    /// The lines of `spans` broken at `width`, laid out one window at a time.
    func shapeInWindows(_ spans: [TextSpan], lang: String, width: Double, justifyWidth: Double?) -> [TextLine] {
        let (bytes, ranges) = PangoLayoutBuilder.joined(spans)
        var lines: [TextLine] = []
        var start = 0
        var size = Self.windowBytes
        var keptBytes = 0
        func sizeFromLinesSoFar() -> Int {
            guard !lines.isEmpty else { return Self.windowBytes }
            return min(Self.windowBytes, max(Self.minimumWindowBytes, keptBytes * Self.windowLinesInTenths / (10 * lines.count)))
        }
        while start < bytes.count {
            let (end, endsAtNewline) = Self.windowEnd(bytes, from: start, size: size)
            let isFinal = end == bytes.count
            let windowSpans = Self.slice(spans, ranges: ranges, bytes: bytes, to: start..<end)
            guard let built = builder.make(windowSpans, lang: lang) else { return lines }
            defer { g_object_unref(UnsafeMutableRawPointer(built.layout)) }
            pango_layout_set_width(built.layout, PangoUnits.units(max(width, 1)))
            pango_layout_set_wrap(built.layout, PANGO_WRAP_WORD_CHAR)
            var shaped = extractLines(built, spans: windowSpans, lang: lang, justifyWidth: justifyWidth, endsParagraph: isFinal)
            let lineCount = Int(pango_layout_get_line_count(built.layout))
            if isFinal || endsAtNewline {
                unknownGlyphCount += Int(pango_layout_get_unknown_glyphs_count(built.layout))
                // Pango ends a text ending in a newline with an empty line, which the next window starts.
                if !isFinal, shaped.count > 1 { shaped.removeLast() }
                lines += shaped
                keptBytes += end - start
                start = end
                size = Self.windowBytes  // lines ending in newlines: no line shapes the rest of the window
                continue
            }
            guard shaped.count > 1, lineCount > 1, let last = pango_layout_get_line_readonly(built.layout, Int32(lineCount - 1)) else {
                size *= 2  // a single line fills the window: widen it
                continue
            }
            let lastStart = Int(last.pointee.start_index)
            guard lastStart > 0 else {
                size *= 2
                continue
            }
            // Unknown glyphs of the kept lines: the carried line's are counted with the next window.
            unknownGlyphCount += Int(pango_layout_get_unknown_glyphs_count(built.layout)) - Self.unknownGlyphs(in: last)
            lines += shaped.dropLast()
            keptBytes += lastStart
            start += lastStart
            size = sizeFromLinesSoFar()
        }
        return lines
    }

    /// Glyphs of `line` that no font could draw.
    static func unknownGlyphs(in line: UnsafeMutablePointer<PangoLayoutLine>) -> Int {
        var count = 0
        for run in PangoLineRuns(line: line) {
            guard let infos = run.glyphs.glyphs else { continue }
            for index in 0..<Int(run.glyphs.num_glyphs) where infos[index].glyph & 0x1000_0000 != 0 { count += 1 }
        }
        return count
    }

    /// Where a window from `start` of about `size` bytes ends: after a newline in its second half
    /// when there is one, else at a character boundary.
    static func windowEnd(_ bytes: [UInt8], from start: Int, size: Int) -> (end: Int, atNewline: Bool) {
        guard start + size < bytes.count else { return (bytes.count, false) }
        var end = start + size
        if let newline = bytes[(start + size / 2)..<end].lastIndex(of: 0x0A) { return (newline + 1, true) }
        while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return (end, false)
    }

    /// The parts of `spans` (whose UTF-8 bytes are `bytes`, span by span at `ranges`) within `window`.
    static func slice(_ spans: [TextSpan], ranges: [Range<Int>], bytes: [UInt8], to window: Range<Int>) -> [TextSpan] {
        var low = 0, high = ranges.count
        while low < high {  // the first span ending after the window's start
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= window.lowerBound { low = middle + 1 } else { high = middle }
        }
        var result: [TextSpan] = []
        var index = low
        while index < spans.count, ranges[index].lowerBound < window.upperBound {
            let lower = max(ranges[index].lowerBound, window.lowerBound), upper = min(ranges[index].upperBound, window.upperBound)
            if lower < upper {
                var part = spans[index]
                part.text = String(decoding: bytes[lower..<upper], as: UTF8.self)
                result.append(part)
            }
            index += 1
        }
        return result
    }
}
