import CCairo
import FolioDisplay

/// Consecutive lines of one plain style (a code block's, a table column's) drawn with one Cairo call.
///
/// Cairo's cost per call (checking the text, recording it, replaying it twice when the page is shown)
/// is about a seventh of a code listing's drawing. Its PDF output does not change: glyphs on another
/// line start a new text position either way, in the same text object. Only lines wholly on the
/// page are batched: Cairo leaves out a call whose glyphs are all off the page (or clipped away),
/// but writes every glyph of a call of which some show.
extension ItemPainter {
    /// A line ready to share a call: its glyph run, its origin and its text's bytes.
    struct BatchedRun {
        let run: GlyphRun
        let origin: Point
        let utf8: [UInt8]
    }

    /// `item`'s line as a batched run when it can share a call with its neighbours: wholly inside
    /// `bounds`, one glyph run in no language of its own, without background, underline or strike,
    /// not in a colour font, with clusters Cairo accepts.
    func batchedRun(_ item: DisplayItem, inside bounds: Rect) -> BatchedRun? {
        guard case .text(let text) = item, text.line.glyphRuns.count == 1 else { return nil }
        let run = text.line.glyphRuns[0], origin = text.origin
        guard origin.x + run.x >= bounds.minX, origin.x + run.x + run.width <= bounds.maxX,
              origin.y - text.line.ascent >= bounds.minY, origin.y + text.line.descent <= bounds.maxY else { return nil }
        guard run.lang == nil, run.style.background == nil, !run.style.underline, !run.style.strikethrough,
              !run.backward, !fonts.registry.isColor(run.font) else { return nil }
        let utf8 = Array(run.text.utf8)
        guard CairoText.clustersAreValid(utf8: utf8, clusters: run.clusters, glyphCount: run.glyphs.count) else { return nil }
        return BatchedRun(run: run, origin: text.origin, utf8: utf8)
    }

    /// Whether `next` can join a batch that starts with `first` (same font and colour).
    static func joins(_ next: BatchedRun, _ first: BatchedRun) -> Bool {
        next.run.font == first.run.font && next.run.style.color == first.run.style.color
    }

    /// Draws `batch` (one font, one colour) with one `cairo_show_text_glyphs`: its glyphs, text and
    /// clusters one line after another.
    func drawBatch(_ batch: [BatchedRun], on cr: OpaquePointer) {
        guard let first = batch.first else { return }
        guard batch.count > 1 else { return drawGlyphRun(first.run, origin: first.origin, on: cr) }
        guard let scaledFont = fonts.scaledFont(for: first.run.font) else { return }
        batchedLines += batch.count
        batchCalls += 1
        cairo_set_scaled_font(cr, scaledFont)
        setColor(first.run.style.color, on: cr)
        var glyphs: [cairo_glyph_t] = [], utf8: [UInt8] = [], clusters: [cairo_text_cluster_t] = []
        glyphs.reserveCapacity(batch.reduce(0) { $0 + $1.run.glyphs.count })
        utf8.reserveCapacity(batch.reduce(0) { $0 + $1.utf8.count })
        clusters.reserveCapacity(batch.reduce(0) { $0 + $1.run.clusters.count })
        for line in batch {
            for glyph in line.run.glyphs {
                glyphs.append(cairo_glyph_t(index: UInt(glyph.id), x: line.origin.x + Double(glyph.x), y: line.origin.y + Double(glyph.y)))
            }
            utf8 += line.utf8
            for cluster in line.run.clusters { clusters.append(cairo_text_cluster_t(num_bytes: cluster.bytes, num_glyphs: cluster.glyphs)) }
        }
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(cr, chars.baseAddress, Int32(chars.count), &glyphs, Int32(glyphs.count),
                                       &clusters, Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
            }
        }
    }
}
