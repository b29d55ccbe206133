import CPangoCairo
import FolioDisplay

/// The spans of one broken line: cut out of the paragraph by byte range, soft hyphens resolved.
struct LineText {
    let built: PangoLayoutBuilder.Built
    let spans: [TextSpan]
    let start: Int
    /// Byte index where trailing spaces (and the newline) begin.
    let trailingSpaceStart: Int

    init(built: PangoLayoutBuilder.Built, spans: [TextSpan], start: Int, end: Int) {
        self.built = built
        self.spans = spans
        self.start = start
        var trim = end
        while trim > start, [0x20, 0x0A, 0x09].contains(built.text[trim - 1]) { trim -= 1 }
        trailingSpaceStart = trim
    }

    /// The line's spans: trailing spaces dropped, a final soft hyphen shown as "-", other soft hyphens removed.
    mutating func finish() -> [TextSpan] {
        var result: [TextSpan] = []
        let endsInSoftHyphen = trailingSpaceStart >= start + 2
            && built.text[trailingSpaceStart - 2] == 0xC2 && built.text[trailingSpaceStart - 1] == 0xAD
        for (span, range) in zip(spans, built.spanRanges) {
            let lower = max(range.lowerBound, start), upper = min(range.upperBound, trailingSpaceStart)
            guard lower < upper else { continue }
            let bytes = built.text[lower..<upper]
            var text = String(decoding: bytes, as: UTF8.self)
            if bytes.contains(0xAD) { text = String(text.unicodeScalars.filter { $0 != "\u{00AD}" }.map(Character.init)) }
            if endsInSoftHyphen, upper == trailingSpaceStart { text += "-" }
            guard !text.isEmpty else { continue }
            result.append(TextSpan(text, style: span.style, link: span.link))
        }
        return result
    }

    /// The advance of the line's trailing spaces (Pango units).
    func trailingAdvance(of line: UnsafeMutablePointer<PangoLayoutLine>) -> Int32 {
        var total: Int32 = 0
        for run in PangoLineRuns(line: line) {
            guard let infos = run.glyphs.glyphs, let logClusters = run.glyphs.log_clusters else { continue }
            for index in 0..<Int(run.glyphs.num_glyphs) where Int(run.item.offset + logClusters[index]) >= trailingSpaceStart {
                total += infos[index].geometry.width
            }
        }
        return total
    }

    /// Horizontal extents of link spans within the line (as justified, less `lead`: see `GlyphExtraction`).
    func linkRuns(line: UnsafeMutablePointer<PangoLayoutLine>, justification: Justification, lead: Int32 = 0) -> [LinkRun] {
        var runs: [LinkRun] = []
        for (span, range) in zip(spans, built.spanRanges) {
            guard let target = span.link else { continue }
            let lower = max(range.lowerBound, start), upper = min(range.upperBound, trailingSpaceStart)
            guard lower < upper else { continue }
            var x0: Int32 = 0, x1: Int32 = 0
            pango_layout_line_index_to_x(line, Int32(lower), 0, &x0)
            pango_layout_line_index_to_x(line, Int32(upper), 0, &x1)
            x0 += justification.shift(atX: x0) - lead
            x1 += justification.shift(atX: x1) - lead
            let left = PangoUnits.points(min(x0, x1)), right = PangoUnits.points(max(x0, x1))
            if let last = runs.last, last.target == target, abs(last.x + last.width - left) < 0.5 {
                runs[runs.count - 1].width = right - last.x
            } else {
                runs.append(LinkRun(target: target, x: left, width: right - left))
            }
        }
        return runs
    }
}
