import CPangoCairo
import FolioDisplay

/// Shapes a line that is one span of printable ASCII (`TextSpan.isPlainASCII`) with HarfBuzz directly,
/// on the font Pango picks for that style, without building a Pango layout.
///
/// For a short line most of Pango's cost is not shaping but the layout around it: itemizing, break
/// analysis, building the line (about six-sevenths of 230,000 instructions for a 35-character line of
/// code). With Folio's context (72 dpi, metrics not hinted, positions not rounded) Pango's glyphs are
/// HarfBuzz's output unchanged, so the line made here is the one Pango would make. Each face checks
/// that on a probe line before it is used (a face that differs is left to Pango), and a test compares
/// the two on thousands of random lines.
final class DirectShaper {
    /// What a style's lines need: Pango's font for printable ASCII, its HarfBuzz font and line metrics.
    struct Face {
        let hbFont: OpaquePointer
        let language: OpaquePointer?
        let handle: FontHandle
        let ascent: Double
        let descent: Double
        /// The hyphen Pango adds where it cuts a word: U+2010 where the font has it, else "-".
        let hyphen: hb_codepoint_t
        /// Its advance (Pango units).
        let hyphenAdvance: Int32
    }

    private struct FaceKey: Hashable {
        let font: FontSpec
        let lang: String
    }

    private let fonts: FontEnvironment
    private let builder: PangoLayoutBuilder
    private var faces: [FaceKey: Face?] = [:]
    private let buffer: OpaquePointer?
    /// Lines shaped here rather than by a Pango layout (for profiling and tests).
    private(set) var shapedLines = 0

    /// Every printable ASCII character: Pango must set all of them in one font for a face to be used.
    static let probe = String(decoding: Array(0x20...0x7E).map(UInt8.init), as: UTF8.self)

    init(fonts: FontEnvironment, builder: PangoLayoutBuilder) {
        self.fonts = fonts
        self.builder = builder
        buffer = hb_buffer_create()
    }

    deinit { hb_buffer_destroy(buffer) }

    /// Forgets every face (the font set grew: Pango may now pick another font).
    func reset() { faces.removeAll() }

    /// `span` shaped as one line, as `PangoMeasurer.extractLines` would read it from a layout; nil when
    /// the span's style has no usable face (Pango then lays it out).
    func line(_ span: TextSpan, lang: String) -> TextLine? {
        guard span.isPlainASCII, !span.text.isEmpty, let face = face(for: span.style.font, lang: lang) else { return nil }
        return line(span, face: face, lang: lang, hyphen: false)
    }

    /// `span` as one line in `face`; with `hyphen`, ending in the hyphen Pango draws where it cuts a
    /// word (in the last letter's cluster, as Pango shapes it).
    private func line(_ span: TextSpan, face: Face, lang: String, hyphen: Bool) -> TextLine? {
        var text = span.text
        return text.withUTF8 { bytes in
            var trim = bytes.count
            while trim > 0, bytes[trim - 1] == 0x20 { trim -= 1 }
            guard let shaped = shape(bytes, face: face, style: span.style, text: span.text, contentEnd: trim, hyphen: hyphen) else { return nil }
            var line = TextLine(spans: trim == bytes.count ? [TextSpan(span.text, style: span.style)]
                                    : trim > 0 ? [TextSpan(String(decoding: bytes[..<trim], as: UTF8.self), style: span.style)] : [],
                                width: max(0, PangoUnits.points(shaped.contentWidth)), ascent: face.ascent, descent: face.descent,
                                lang: lang)
            line.glyphRuns = [shaped.run]
            shapedLines += 1
            return line
        }
    }

    /// `span`, one word of ASCII letters and digits, broken into lines `width` wide wherever it
    /// fills one (the last resort Pango's character wrapping takes too): shaped whole once to find
    /// the cuts, then each line shaped alone. Nil for any other text, or when its style has no
    /// usable face.
    ///
    /// Pango re-shapes the rest of its item for every line it breaks, so a 200,000-letter word laid
    /// out in windows of three lines shaped each letter about five times over Pango's own overhead.
    func brokenWord(_ span: TextSpan, lang: String, width: Double, hyphens: Bool) -> [TextLine]? {
        // Letters and digits only: between them Unicode's line breaking allows no break (a hyphen,
        // a slash, a space would give Pango a better place to cut).
        guard span.isPlainASCII, !span.text.isEmpty, span.text.utf8.allSatisfy(Self.isAlphanumeric),
              let face = face(for: span.style.font, lang: lang) else { return nil }
        var text = span.text
        guard let whole = text.withUTF8({ shape($0, face: face, style: span.style, text: span.text, contentEnd: $0.count) }) else { return nil }
        let bytes = Array(span.text.utf8)
        let limit = PangoUnits.units(max(width, 1))
        // Each letter's advance, from the whole word's shaping; a ligature's shared among its
        // letters (Pango cuts inside one too, and each line is shaped again alone below).
        var starts: [Int] = [], advances: [Int32] = []
        var byte = 0, glyph = 0
        for cluster in whole.run.clusters {
            var advance: Int32 = 0
            let next = glyph + Int(cluster.glyphs)
            if next < whole.run.glyphs.count {
                advance = PangoUnits.units(Double(whole.run.glyphs[next].x - whole.run.glyphs[glyph].x))
            } else if glyph < whole.run.glyphs.count {
                advance = PangoUnits.units(whole.run.width - Double(whole.run.glyphs[glyph].x))
            }
            let letters = Int32(max(1, cluster.bytes))
            for letter in 0..<letters {
                starts.append(byte + Int(letter))
                advances.append(advance / letters + (letter == letters - 1 ? advance % letters : 0))
            }
            byte += Int(cluster.bytes)
            glyph = next
        }
        let hyphen = hyphens ? face.hyphenAdvance : 0
        var lines: [TextLine] = []
        var first = 0
        while first < starts.count {
            // As many letters as fit, with the hyphen where the word goes on.
            var last = first + 1, filled = advances[first]
            while last < starts.count, filled + advances[last] + (last + 1 < starts.count ? hyphen : 0) <= limit {
                filled += advances[last]
                last += 1
            }
            // Shaped alone, a line may come out a hair wider than its part of the word: give back a letter.
            while true {
                let end = last < starts.count ? starts[last] : bytes.count
                let piece = TextSpan(String(decoding: bytes[starts[first]..<end], as: UTF8.self), style: span.style)
                guard var line = self.line(piece, face: face, lang: lang, hyphen: hyphens && last < starts.count) else { return nil }
                if line.width <= width + 0.001 || last == first + 1 {
                    // The hyphen is drawn, not written: the line's text is the word's letters.
                    line.spans = [piece]
                    lines.append(line)
                    break
                }
                last -= 1
            }
            first = last
        }
        return lines
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || isLetter(byte) }

    /// A shaped line: its one glyph run, and the pen position (Pango units) where its trailing
    /// spaces start, as `pango_layout_line_index_to_x` gives it.
    private struct Shaped {
        var run: GlyphRun
        var contentWidth: Int32
    }

    /// HarfBuzz's glyphs for `bytes` (the UTF-8 of `text`), set up as Pango sets up an item: left to
    /// right, the item's script (Latin when the text has a letter, else Common) and language, one
    /// cluster per character. Nil if `contentEnd` falls inside a cluster or clusters are out of order.
    private func shape(_ bytes: UnsafeBufferPointer<UInt8>, face: Face, style: TextStyle, text: String,
                       contentEnd: Int, hyphen: Bool = false) -> Shaped? {
        guard let buffer, let base = bytes.baseAddress else { return nil }
        hb_buffer_clear_contents(buffer)
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        let hasLetter = bytes.contains(where: Self.isLetter)
        hb_buffer_set_script(buffer, hasLetter ? HB_SCRIPT_LATIN : HB_SCRIPT_COMMON)
        hb_buffer_set_language(buffer, face.language)
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        hb_buffer_set_flags(buffer, hb_buffer_flags_t(rawValue: HB_BUFFER_FLAG_BOT.rawValue | HB_BUFFER_FLAG_EOT.rawValue))
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            hb_buffer_add_utf8(buffer, chars, Int32(bytes.count), 0, Int32(bytes.count))
        }
        if hyphen { hb_buffer_add(buffer, face.hyphen, hb_codepoint_t(bytes.count - 1)) }
        hb_shape(face.hbFont, buffer, nil, 0)
        var length: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &length),
              let positions = hb_buffer_get_glyph_positions(buffer, nil), length > 0 else { return nil }
        let count = Int(length)
        var glyphs: [PositionedGlyph] = []
        glyphs.reserveCapacity(count)
        var clusters: [GlyphCluster] = []
        clusters.reserveCapacity(count)
        var x: Int32 = 0
        var contentWidth: Int32?
        var index = 0
        while index < count {
            let start = Int(infos[index].cluster)
            if start == contentEnd { contentWidth = x }
            var glyphCount: Int32 = 0
            while index < count, Int(infos[index].cluster) == start {
                let position = positions[index]
                if GlyphExtraction.isDrawable(infos[index].codepoint) {
                    glyphs.append(PositionedGlyph(id: infos[index].codepoint, x: Float(PangoUnits.points(x + position.x_offset)),
                                                  y: Float(PangoUnits.points(-position.y_offset))))
                    glyphCount += 1
                }
                x += position.x_advance
                index += 1
            }
            let end = index < count ? Int(infos[index].cluster) : bytes.count
            guard end > start else { return nil }  // clusters out of text order: not a plain line
            clusters.append(GlyphCluster(bytes: Int32(end - start), glyphs: glyphCount))
        }
        if contentEnd >= bytes.count { contentWidth = x }
        guard let contentWidth else { return nil }  // the trailing spaces start inside a cluster
        // No language of its own: ASCII is no other script (`ScriptLanguage.spanLanguage`).
        let run = GlyphRun(font: face.handle, style: style, x: 0, width: PangoUnits.points(x), glyphs: glyphs,
                           text: text, clusters: clusters)
        return Shaped(run: run, contentWidth: contentWidth)
    }

    private func face(for font: FontSpec, lang: String) -> Face? {
        let key = FaceKey(font: font, lang: lang)
        if let known = faces[key] { return known }
        let made = makeFace(font, lang: lang)
        faces[key] = made
        return made
    }

    /// The face Pango sets the probe in, if it sets all of it in one font and shaping it here gives
    /// exactly Pango's glyphs, advances, offsets and clusters.
    private func makeFace(_ font: FontSpec, lang: String) -> Face? {
        let style = TextStyle(font: font)
        let spans = [TextSpan(Self.probe, style: style)]
        guard let built = builder.make(spans, lang: lang) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(built.layout)) }
        guard pango_layout_get_unknown_glyphs_count(built.layout) == 0, pango_layout_get_line_count(built.layout) == 1,
              let iterator = pango_layout_get_iter(built.layout) else { return nil }
        defer { pango_layout_iter_free(iterator) }
        guard let line = pango_layout_iter_get_line_readonly(iterator) else { return nil }
        let runs = Array(PangoLineRuns(line: line))
        guard runs.count == 1, let run = runs.first, let pangoFont = run.item.analysis.font, run.item.offset == 0,
              Int(run.item.length) == built.text.count, run.item.analysis.level % 2 == 0, run.yOffset == 0,
              let hbFont = pango_font_get_hb_font(pangoFont) else { return nil }
        var logical = PangoRectangle()
        pango_layout_iter_get_line_extents(iterator, nil, &logical)
        let baseline = pango_layout_iter_get_baseline(iterator)
        let language = pango_language_to_string(run.item.analysis.language).map { hb_language_from_string($0, -1) } ?? nil
        var hyphenGlyph: hb_codepoint_t = 0
        let hyphen: hb_codepoint_t = hb_font_get_nominal_glyph(hbFont, 0x2010, &hyphenGlyph) != 0 ? 0x2010 : 0x2D
        if hyphen == 0x2D { _ = hb_font_get_nominal_glyph(hbFont, 0x2D, &hyphenGlyph) }
        let face = Face(hbFont: hbFont, language: language, handle: fonts.handle(for: pangoFont),
                        ascent: PangoUnits.points(baseline - logical.y),
                        descent: PangoUnits.points(logical.y + logical.height - baseline),
                        hyphen: hyphen, hyphenAdvance: hb_font_get_glyph_h_advance(hbFont, hyphenGlyph))
        let glyphs = run.glyphs
        var probe = Self.probe
        let shaped = probe.withUTF8 { shape($0, face: face, style: style, text: Self.probe, contentEnd: $0.count) }
        guard let shaped, let infos = glyphs.glyphs, let logClusters = glyphs.log_clusters,
              Int(glyphs.num_glyphs) == shaped.run.glyphs.count else { return nil }
        let count = Int(glyphs.num_glyphs)
        var x: Int32 = 0
        for index in 0..<count {
            let geometry = infos[index].geometry, glyph = shaped.run.glyphs[index]
            guard infos[index].glyph == glyph.id, glyph.x == Float(PangoUnits.points(x + geometry.x_offset)),
                  glyph.y == Float(PangoUnits.points(geometry.y_offset)) else { return nil }
            x += geometry.width
        }
        var clusters: [GlyphCluster] = []
        var index = 0
        while index < count {
            var next = index
            while next < count, logClusters[next] == logClusters[index] { next += 1 }
            let end = next < count ? Int(logClusters[next]) : built.text.count
            clusters.append(GlyphCluster(bytes: Int32(end - Int(logClusters[index])), glyphs: Int32(next - index)))
            index = next
        }
        guard x == shaped.contentWidth, clusters == shaped.run.clusters else { return nil }
        return face
    }
}
