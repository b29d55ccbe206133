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
    /// Series colours of data charts, in order (default: Okabe–Ito, told apart by colour-blind readers).
    public var palette: [Color] = ChartTheme.okabeIto

    /// The Okabe–Ito palette, blue first (black last).
    public static let okabeIto: [Color] = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
        .compactMap { Color(hex: $0) }

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
    /// The page the chart's first part lands on, when known: continuation parts follow on the
    /// next pages, one each, so marks can name pages instead of part numbers.
    public var firstPage: Int?

    public init(width: Double, preferredHeight: Double? = nil, maximumHeight: Double, firstPage: Int? = nil) {
        self.width = width
        self.preferredHeight = preferredHeight
        self.maximumHeight = maximumHeight
        self.firstPage = firstPage
    }

    /// How a continuation mark names part `number` (1 is the first): "page 12" when pages are known, else "part 2".
    public func partName(_ number: Int) -> String {
        firstPage.map { "page \($0 + number - 1)" } ?? "part \(number)"
    }

    /// The mark on a card whose subtree continues in part `number`.
    public func continuedMark(_ number: Int) -> String {
        firstPage == nil ? "continued in part \(number)" : "continued on \(partName(number))"
    }

    /// Several parts named together: "pages 12 and 13", "parts 2–4".
    public func partNames(_ numbers: [Int]) -> String {
        let sorted = numbers.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        if sorted.count == 1 { return partName(first) }
        let noun = firstPage == nil ? "parts" : "pages"
        let shown = sorted.map { number in firstPage.map { $0 + number - 1 } ?? number }
        if sorted.count == 2 { return "\(noun) \(shown[0]) and \(shown[1])" }
        if last - first == sorted.count - 1 { return "\(noun) \(shown[0])–\(shown[shown.count - 1])" }
        return "\(noun) " + shown.dropLast().map(String.init).joined(separator: ", ") + " and \(shown[shown.count - 1])"
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
