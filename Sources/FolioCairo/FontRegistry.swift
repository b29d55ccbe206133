import CCairo
import CPangoCairo
import Foundation
import FolioDisplay

/// The fonts behind issued `FontHandle`s, shared by every font environment of a renderer: lines
/// shaped on a helper thread's font map draw through the same table as the main one's.
///
/// The same face at the same size gets one handle whichever font map found it, so drawing uses one
/// Cairo font for it and the PDF gets one subset, however the shaping was shared between threads.
/// Fonts are referenced for the registry's lifetime; their Cairo scaled fonts are resolved once,
/// at registration, and read under a lock from any thread.
final class FontRegistry: @unchecked Sendable {
    private var fonts: [UnsafeMutablePointer<PangoFont>] = []
    private var ids: [UnsafeMutableRawPointer: Int] = [:]
    private var idsByFace: [String: Int] = [:]
    private var scaledFonts: [OpaquePointer?] = []
    /// Whether each handle's face is a colour font (emoji bitmaps, drawn by Cairo as images).
    private var colorFaces: [Bool] = []
    private var carriers: [CarrierKey: TextCarrier] = [:]
    private struct CarrierKey: Hashable { let size: Double; let advance: Double }
    private let lock = NSLock()

    /// An outline font and its blank glyph, to carry the text of glyphs Cairo draws as images.
    struct TextCarrier {
        let font: OpaquePointer
        let blankGlyph: UInt
    }

    /// The family carrier fonts are made from (any outline font with a space would do).
    static let carrierFamily = "DejaVu Sans"

    deinit {
        for font in fonts { g_object_unref(font) }
        for carrier in carriers.values { cairo_scaled_font_destroy(carrier.font) }
    }

    /// The handle of `font`, registering (and referencing) it the first time.
    func handle(for font: UnsafeMutablePointer<PangoFont>) -> FontHandle {
        let key = UnsafeMutableRawPointer(font)
        return lock.withLock {
            if let id = ids[key] { return FontHandle(id: id) }
            g_object_ref(font)   // kept, so its address is never reused for another font
            fonts.append(font)
            let face = Self.faceKey(of: font)
            if let face, let id = idsByFace[face] {
                ids[key] = id
                return FontHandle(id: id)
            }
            scaledFonts.append(pango_cairo_font_get_scaled_font(OpaquePointer(font)))
            colorFaces.append(Self.isColor(font))
            let id = scaledFonts.count - 1
            ids[key] = id
            if let face { idsByFace[face] = id }
            return FontHandle(id: id)
        }
    }

    /// The font file, face index, size and synthetic styling Pango resolved the font to.
    static func faceKey(of font: UnsafeMutablePointer<PangoFont>) -> String? {
        guard let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)) else {
            return nil
        }
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        var index: Int32 = 0, embolden: FcBool = 0
        var size = 0.0
        _ = FcPatternGetInteger(pattern, FC_INDEX, 0, &index)
        _ = FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden)
        _ = FcPatternGetDouble(pattern, FC_PIXEL_SIZE, 0, &size)
        var matrix = FcMatrix(xx: 1, xy: 0, yx: 0, yy: 1)
        var found: UnsafeMutablePointer<FcMatrix>?
        if FcPatternGetMatrix(pattern, FC_MATRIX, 0, &found) == FcResultMatch, let found { matrix = found.pointee }
        return "\(String(cString: file))|\(index)|\(size)|\(embolden)|\(matrix.xx),\(matrix.xy),\(matrix.yx),\(matrix.yy)"
    }

    /// The Cairo scaled font for a handle, or nil for an unknown handle.
    func scaledFont(for handle: FontHandle) -> OpaquePointer? {
        lock.withLock {
            guard handle.id >= 0, handle.id < scaledFonts.count else { return nil }
            return scaledFonts[handle.id]
        }
    }

    /// Whether a handle's font is a colour font (false for an unknown handle).
    func isColor(_ handle: FontHandle) -> Bool {
        lock.withLock { handle.id >= 0 && handle.id < colorFaces.count && colorFaces[handle.id] }
    }

    /// Whether fontconfig marks the font's face as a colour font.
    static func isColor(_ font: UnsafeMutablePointer<PangoFont>) -> Bool {
        guard let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)) else {
            return false
        }
        var color: FcBool = 0
        return FcPatternGetBool(pattern, FC_COLOR, 0, &color) == FcResultMatch && color != 0
    }

    /// The carrier font at `size` points whose blank glyph advances `advance` points (made once per
    /// pair), or nil when Cairo cannot make one. Matching the drawn glyphs' advance keeps text
    /// extraction from seeing gaps (and breaking the line) around the carried text.
    func carrier(size: Double, advance: Double) -> TextCarrier? {
        let key = CarrierKey(size: size, advance: (advance * 100).rounded() / 100)
        return lock.withLock {
            if let known = carriers[key] { return known }
            guard let made = Self.makeCarrier(size: size, advance: key.advance) else { return nil }
            carriers[key] = made
            return made
        }
    }

    private static func makeCarrier(size: Double, advance: Double) -> TextCarrier? {
        guard size > 0, advance > 0,
              let face = cairo_toy_font_face_create(carrierFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL) else { return nil }
        defer { cairo_font_face_destroy(face) }
        guard let options = cairo_font_options_create() else { return nil }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        // An em space where the font has one (a space otherwise), stretched to `advance`.
        guard let plain = scaledFont(face, xScale: size, yScale: size, options: options),
              let (glyph, width) = blank(in: plain) else { return nil }
        cairo_scaled_font_destroy(plain)
        guard width > 0, let font = scaledFont(face, xScale: size * advance / width, yScale: size, options: options) else { return nil }
        return TextCarrier(font: font, blankGlyph: glyph)
    }

    private static func scaledFont(_ face: OpaquePointer, xScale: Double, yScale: Double, options: OpaquePointer) -> OpaquePointer? {
        var matrix = cairo_matrix_t(), identity = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, xScale, yScale)
        cairo_matrix_init_identity(&identity)
        guard let font = cairo_scaled_font_create(face, &matrix, &identity, options) else { return nil }
        guard cairo_scaled_font_status(font) == CAIRO_STATUS_SUCCESS else {
            cairo_scaled_font_destroy(font)
            return nil
        }
        return font
    }

    /// The font's em space (or space) glyph and its advance.
    private static func blank(in font: OpaquePointer) -> (UInt, Double)? {
        for text in ["\u{2003}", " "] {
            var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
            var count: Int32 = 0
            guard cairo_scaled_font_text_to_glyphs(font, 0, 0, text, Int32(text.utf8.count), &glyphs, &count, nil, nil, nil)
                    == CAIRO_STATUS_SUCCESS, let glyphs else { continue }
            defer { cairo_glyph_free(glyphs) }
            guard count == 1, glyphs[0].index != 0 else { continue }
            var extents = cairo_text_extents_t()
            var glyph = glyphs[0]
            cairo_scaled_font_glyph_extents(font, &glyph, 1, &extents)
            return (glyphs[0].index, extents.x_advance)
        }
        return nil
    }
}
