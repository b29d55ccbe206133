import CCairo
import CPangoCairo
import FolioDisplay

/// Drawing shaped text lines: one Pango line per item, never re-wrapped.
extension ItemPainter {
    func drawText(_ item: TextItem, on cr: OpaquePointer) {
        let line = item.line
        if !line.glyphRuns.isEmpty {
            var inSpan = false
            for run in line.glyphRuns {
                guard let structure else {
                    drawGlyphRun(run, origin: item.origin, on: cr)
                    continue
                }
                // A run in another language: a span of its own, inside what the line belongs to.
                if let lang = run.lang { structure.mark(.begin(StructureElement(.span, lang: lang))) }
                if run.lang != nil || inSpan { structure.content(on: cr) }
                drawGlyphRun(run, origin: item.origin, on: cr)
                if run.lang != nil { structure.mark(.end) }
                inSpan = run.lang != nil
            }
            return
        }
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

/// Drawing pre-shaped glyph runs: no shaping at draw time.
extension ItemPainter {
    func drawGlyphRun(_ run: GlyphRun, origin: Point, on cr: OpaquePointer) {
        let size = run.style.font.size
        if let background = run.style.background {
            setColor(background, on: cr)
            cairo_rectangle(cr, origin.x + run.x - 1.5, origin.y - size * 0.92, run.width + 3, size * 1.22)
            cairo_fill(cr)
        }
        guard let scaledFont = fonts.scaledFont(for: run.font) else { return }
        cairo_set_scaled_font(cr, scaledFont)
        setColor(run.style.color, on: cr)
        var glyphs = run.glyphs.map {
            cairo_glyph_t(index: UInt($0.id), x: origin.x + Double($0.x), y: origin.y + Double($0.y))
        }
        let utf8 = Array(run.text.utf8)
        if fonts.registry.isColor(run.font) {
            // Cairo paints colour glyphs (emoji) as images and drops their text: the glyphs are
            // shown alone, the text is carried by blank glyphs of an outline font at the same places.
            cairo_show_glyphs(cr, &glyphs, Int32(glyphs.count))
            if emitsTags {
                showCarrier(utf8, clusters: run.clusters, backward: run.backward, glyphs: glyphs, size: size,
                            width: run.width, on: cr)
            }
        } else if CairoText.clustersAreValid(utf8: utf8, clusters: run.clusters, glyphCount: glyphs.count) {
            var clusters = run.clusters.map { cairo_text_cluster_t(num_bytes: $0.bytes, num_glyphs: $0.glyphs) }
            let flags = run.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(rawValue: 0)
            utf8.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cairo_show_text_glyphs(cr, chars.baseAddress, Int32(chars.count), &glyphs, Int32(glyphs.count),
                                           &clusters, Int32(clusters.count), flags)
                }
            }
        } else {
            // Clusters Cairo would reject (it would stop drawing the page): the glyphs without their text.
            cairo_show_glyphs(cr, &glyphs, Int32(glyphs.count))
        }
        let thickness = max(0.5, size * 0.06)
        if run.style.underline { drawRule(y: origin.y + size * 0.12, run: run, origin: origin, thickness: thickness, on: cr) }
        if run.style.strikethrough { drawRule(y: origin.y - size * 0.28, run: run, origin: origin, thickness: thickness, on: cr) }
    }

    /// Shows `utf8` with blank glyphs of the carrier font, one per colour glyph of each cluster, so the
    /// PDF's text layer holds the text drawn as images (Cairo marks it as the glyphs' actual text).
    private func showCarrier(_ utf8: [UInt8], clusters: [GlyphCluster], backward: Bool, glyphs: [cairo_glyph_t],
                             size: Double, width: Double, on cr: OpaquePointer) {
        guard !utf8.isEmpty, let carrier = fonts.registry.carrier(size: size, advance: width / Double(max(1, glyphs.count))),
              CairoText.clustersAreValid(utf8: utf8, clusters: clusters, glyphCount: glyphs.count) else { return }
        var blanks = glyphs.map { cairo_glyph_t(index: carrier.blankGlyph, x: $0.x, y: $0.y) }
        var cairoClusters = clusters.map { cairo_text_cluster_t(num_bytes: $0.bytes, num_glyphs: $0.glyphs) }
        let flags = backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(rawValue: 0)
        cairo_save(cr)
        cairo_set_scaled_font(cr, carrier.font)
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(cr, chars.baseAddress, Int32(chars.count), &blanks, Int32(blanks.count),
                                       &cairoClusters, Int32(cairoClusters.count), flags)
            }
        }
        cairo_restore(cr)
    }

    private func drawRule(y: Double, run: GlyphRun, origin: Point, thickness: Double, on cr: OpaquePointer) {
        cairo_rectangle(cr, origin.x + run.x, y - thickness / 2, run.width, thickness)
        cairo_fill(cr)
    }
}
