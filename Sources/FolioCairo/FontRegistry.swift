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
    private let lock = NSLock()

    deinit {
        for font in fonts { g_object_unref(font) }
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
}
