/// Shaped glyphs of one styled run of a line, as the text engine positioned them.
///
/// Lines measured by a real text engine carry their glyph runs, so backends draw exactly
/// what was measured without shaping again. `font` is an opaque handle the engine issued.
public struct GlyphRun: Hashable, Sendable {
    public var font: FontHandle
    public var style: TextStyle
    /// Start and advance of the run from the line's origin, in points.
    public var x: Double
    public var width: Double
    /// Glyph ids with positions relative to the line's origin (baseline at y = 0).
    public var glyphs: [PositionedGlyph]
    /// The run's text (UTF-8) and the clusters mapping its bytes to glyphs, in glyph order.
    public var text: String
    public var clusters: [GlyphCluster]
    /// Clusters run from the end of the text backwards (right-to-left runs).
    public var backward: Bool
    /// The run's language where its script tells it and it is not the paragraph's (`ScriptLanguage`):
    /// a tagged PDF marks the run as a span in that language.
    public var lang: String?

    public init(font: FontHandle, style: TextStyle, x: Double, width: Double, glyphs: [PositionedGlyph], text: String,
                clusters: [GlyphCluster], backward: Bool = false) {
        self.font = font
        self.style = style
        self.x = x
        self.width = width
        self.glyphs = glyphs
        self.text = text
        self.clusters = clusters
        self.backward = backward
    }
}

/// An opaque font reference issued by a text engine (valid for that engine's lifetime).
public struct FontHandle: Hashable, Sendable {
    public let id: Int
    public init(id: Int) { self.id = id }
}

public struct PositionedGlyph: Hashable, Sendable {
    public var id: UInt32
    public var x: Float
    public var y: Float
    public init(id: UInt32, x: Float, y: Float) { self.id = id; self.x = x; self.y = y }
}

/// `bytes` of text drawn by `glyphs` glyphs.
public struct GlyphCluster: Hashable, Sendable {
    public var bytes: Int32
    public var glyphs: Int32
    public init(bytes: Int32, glyphs: Int32) { self.bytes = bytes; self.glyphs = glyphs }
}
