import CPangoCairo
import FolioDisplay

/// Font handles: the fonts Pango chose while measuring, numbered for drawing (see `FontRegistry`).
extension FontEnvironment {
    /// The handle of `font`, registering it the first time.
    func handle(for font: UnsafeMutablePointer<PangoFont>) -> FontHandle { registry.handle(for: font) }

    /// The Cairo scaled font for a handle, or nil for an unknown handle (safe from any thread).
    func scaledFont(for handle: FontHandle) -> OpaquePointer? { registry.scaledFont(for: handle) }
}
