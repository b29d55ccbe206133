import FolioDisplay

/// Fonts and colours a chart draws with, taken from the document's layout.
public struct ChartTheme: Hashable, Sendable {
    public var bodyFamily: String
    public var headingFamily: String
    /// Base text size of chart labels in points.
    public var textSize: Double
    public var text: Color
    public var muted: Color
    public var accent: Color
    public var rule: Color
    public var background: Color?
    /// Language for label shaping.
    public var lang: String

    public init(bodyFamily: String = "Noto Sans", headingFamily: String = "Noto Sans", textSize: Double = 8.5,
                text: Color = Color(red: 0.106, green: 0.122, blue: 0.141), muted: Color = Color(red: 0.34, green: 0.376, blue: 0.416),
                accent: Color = Color(red: 0.043, green: 0.361, blue: 0.678), rule: Color = Color(red: 0.816, green: 0.843, blue: 0.871),
                background: Color? = nil, lang: String = "en") {
        self.bodyFamily = bodyFamily
        self.headingFamily = headingFamily
        self.textSize = textSize
        self.text = text
        self.muted = muted
        self.accent = accent
        self.rule = rule
        self.background = background
        self.lang = lang
    }
}

/// The room a chart gets: the width it must fill and the heights it may use.
public struct ChartFrame: Hashable, Sendable {
    /// Width to fill, in points.
    public var width: Double
    /// Height the chart would like when it has no better idea (from the layout or the fence).
    public var preferredHeight: Double?
    /// The most height it may take (the page's remaining or full text height).
    public var maximumHeight: Double

    public init(width: Double, preferredHeight: Double? = nil, maximumHeight: Double) {
        self.width = width
        self.preferredHeight = preferredHeight
        self.maximumHeight = maximumHeight
    }
}

/// A laid-out chart: its drawing (at its own size) and its caption.
public struct ChartDrawing: Hashable, Sendable {
    public var drawing: Drawing
    /// The caption text (without the "Figure N." prefix, which the document adds).
    public var caption: String?
    /// Further parts continued on following pages (a split org), in order.
    public var continuations: [Drawing]

    public init(drawing: Drawing, caption: String? = nil, continuations: [Drawing] = []) {
        self.drawing = drawing
        self.caption = caption
        self.continuations = continuations
    }
}
