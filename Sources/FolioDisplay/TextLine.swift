/// One line of text, already broken and shaped: backends draw it as it is and never re-wrap it.
public struct TextLine: Hashable, Sendable {
    /// The line's runs, in logical order (a trailing hyphen already added when the line ends in one).
    public var spans: [TextSpan]
    /// Natural advance width of the line in points.
    public var width: Double
    /// Distance from the top of the line box to the baseline, and from the baseline down.
    public var ascent: Double
    public var descent: Double
    /// When set, the line is stretched to exactly this width (justified text).
    public var justifiedWidth: Double?
    /// Whether the line's paragraph runs right to left (its first strong character is Arabic, Hebrew, …):
    /// it then starts at the right, so layout aligns it there where the text would align to the left.
    /// (Kept in the padding after `justifiedWidth`: the line's size and its other fields' offsets stay
    /// as they were. SwiftPM's incremental builds do not recompile every file that copies a line when
    /// its layout changes, and such stale code corrupted memory while the flag was the last field.)
    public var rightToLeft = false
    /// Link runs within the line: their target and horizontal extent from the line's start.
    public var links: [LinkRun]
    /// BCP 47 language of the text, for the shaper.
    public var lang: String
    /// Shaped glyphs, when a real text engine measured the line (empty from test measurers).
    public var glyphRuns: [GlyphRun] = []
    /// Inline objects (images) in the line and where they sit.
    public var objects: [ObjectRun] = []

    public init(spans: [TextSpan], width: Double, ascent: Double, descent: Double, justifiedWidth: Double? = nil,
                links: [LinkRun] = [], lang: String = "en") {
        self.spans = spans
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.justifiedWidth = justifiedWidth
        self.links = links
        self.lang = lang
    }

    /// The text of all runs.
    public var text: String { spans.map(\.text).joined() }
    /// The width the line occupies when drawn.
    public var drawnWidth: Double { justifiedWidth ?? width }
    public var height: Double { ascent + descent }
}

/// A link's extent within a line.
public struct LinkRun: Hashable, Sendable {
    public var target: String
    public var x: Double
    public var width: Double

    public init(target: String, x: Double, width: Double) {
        self.target = target
        self.x = x
        self.width = width
    }
}
