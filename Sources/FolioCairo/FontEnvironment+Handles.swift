import CCairo
import CPangoCairo
import FolioDisplay

/// Font handles: the fonts Pango chose while measuring, kept alive and numbered for drawing.
extension FontEnvironment {
    /// The handle of `font`, registering (and referencing) it the first time.
    func handle(for font: UnsafeMutablePointer<PangoFont>) -> FontHandle {
        let key = UnsafeMutableRawPointer(font)
        if let id = handleIDs[key] { return FontHandle(id: id) }
        g_object_ref(font)
        handleFonts.append(font)
        handleIDs[key] = handleFonts.count - 1
        return FontHandle(id: handleFonts.count - 1)
    }

    /// The Cairo scaled font for a handle, or nil for an unknown handle.
    func scaledFont(for handle: FontHandle) -> OpaquePointer? {
        guard handle.id >= 0, handle.id < handleFonts.count else { return nil }
        return pango_cairo_font_get_scaled_font(OpaquePointer(handleFonts[handle.id]))
    }
}
