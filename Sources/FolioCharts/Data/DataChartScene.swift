import FolioDisplay

/// A laid-out data chart: its drawing, and what tests check about it.
public struct DataChartScene: Sendable {
    public var drawing: Drawing
    /// The plot area (inside the axes).
    public var plot: Rect
    /// Every text box drawn, in chart coordinates (turned labels by their turned box).
    public var textBoxes: [Rect]
    /// The texts drawn, in full as shown (shortened ones end in "…").
    public var texts: [String]
    /// Labels (category and value labels) the chart had room for, shortened, and left out.
    public var labelsShown: Int
    public var labelsShortened: Int
    public var labelsHidden: Int
    /// Value-axis ticks, and the range of values drawn.
    public var ticks: [Double]
    public var dataRange: ClosedRange<Double>?
    /// Where value 0 lies along the value axis (y, or x for horizontal bars), and the bars drawn.
    public var baseline: Double?
    public var bars: [Rect]
}

extension Rect {
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
}
