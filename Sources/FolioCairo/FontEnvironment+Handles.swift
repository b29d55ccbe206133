import CCairo
import CPangoCairo
import FolioDisplay

/// Font handles: the fonts Pango chose while measuring, kept alive and numbered for drawing.
///
/// Handles are issued on the layout thread; drawing may happen on other threads, which only
/// read the scaled fonts resolved at registration, under a lock.
extension FontEnvironment {
    /// The handle of `font`, registering (and referencing) it the first time.
    func handle(for font: UnsafeMutablePointer<PangoFont>) -> FontHandle {
        let key = UnsafeMutableRawPointer(font)
        return handleLock.withLock {
            if let id = handleIDs[key] { return FontHandle(id: id) }
            g_object_ref(font)
            handleFonts.append(font)
            scaledFonts.append(pango_cairo_font_get_scaled_font(OpaquePointer(font)))
            handleIDs[key] = handleFonts.count - 1
            return FontHandle(id: handleFonts.count - 1)
        }
    }

    /// The Cairo scaled font for a handle, or nil for an unknown handle (safe from any thread).
    func scaledFont(for handle: FontHandle) -> OpaquePointer? {
        handleLock.withLock {
            guard handle.id >= 0, handle.id < scaledFonts.count else { return nil }
            return scaledFonts[handle.id]
        }
    }
}
