/// Page rasters are drawn on worker threads (`Renderer.drawConcurrently`). That is safe because
/// those pages carry pre-shaped glyph runs, whose drawing reads only the font registry (behind its
/// lock) and Cairo scaled fonts (thread-safe); pages that would need Pango to shape while drawing
/// are drawn on the calling thread instead (`Renderer.needsShaping`).
extension ImageWriter: @unchecked Sendable {}
