import CCairo
import CPangoCairo
import FolioDisplay

/// Drawing shaped text lines: one Pango line per item, never re-wrapped.
extension ItemPainter {
    func drawText(_ item: TextItem, on cr: OpaquePointer) {
        let line = item.line
        guard !line.spans.isEmpty, let built = builderMake(line) else { return }
        defer { g_object_unref(UnsafeMutableRawPointer(built.layout)) }
        if let justified = line.justifiedWidth {
            // A hair of slack so rounding can never push the line into a second one.
            pango_layout_set_width(built.layout, PangoUnits.units(justified + 0.25))
            pango_layout_set_justify(built.layout, 1)
            pango_layout_set_justify_last_line(built.layout, 1)
        }
        guard let pangoLine = pango_layout_get_line_readonly(built.layout, 0) else { return }
        drawBackgrounds(line, built: built, pangoLine: pangoLine, origin: item.origin, on: cr)
        cairo_move_to(cr, item.origin.x, item.origin.y)
        pango_cairo_show_layout_line(cr, pangoLine)
    }

    private func builderMake(_ line: TextLine) -> PangoLayoutBuilder.Built? {
        builder.make(line.spans, lang: line.lang)
    }

    /// Fills the background of runs that have one (inline code), behind the glyphs.
    private func drawBackgrounds(_ line: TextLine, built: PangoLayoutBuilder.Built,
                                 pangoLine: UnsafeMutablePointer<PangoLayoutLine>, origin: Point, on cr: OpaquePointer) {
        for (span, range) in zip(line.spans, built.spanRanges) {
            guard let background = span.style.background else { continue }
            var x0: Int32 = 0, x1: Int32 = 0
            pango_layout_line_index_to_x(pangoLine, Int32(range.lowerBound), 0, &x0)
            pango_layout_line_index_to_x(pangoLine, Int32(range.upperBound), 0, &x1)
            let size = span.style.font.size
            let left = origin.x + PangoUnits.points(x0) - 1.5, right = origin.x + PangoUnits.points(x1) + 1.5
            setColor(background, on: cr)
            cairo_rectangle(cr, left, origin.y - size * 0.92, right - left, size * 1.22)
            cairo_fill(cr)
        }
    }
}
