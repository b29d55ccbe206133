/// A data chart read from a `chart` fence: its kind, the x values and one list of y values per series.
public struct DataChart: Hashable, Sendable {
    /// What the chart draws.
    public enum Kind: String, Hashable, Sendable, CaseIterable { case bar, line, area, scatter }
    /// What the x values are: categories (`x` holds their index), numbers, or dates (`x` holds day numbers).
    public enum XKind: Hashable, Sendable { case categories, numbers, dates(ISODate.Precision) }

    public var kind: Kind
    public var xKind: XKind
    /// x positions, in drawing order: distinct for bars, lines and areas; one per row for scatter.
    public var x: [Double]
    /// The text of each x value, as written.
    public var xLabels: [String]
    /// One series per `y` column or per value of the `series` column, aligned with `x` (nil: no value).
    public var series: [DataSeries]
    /// Scatter: the point sizes (the `size` column), aligned with `x`.
    public var sizes: [Double?]
    public var stack: Bool
    public var horizontal: Bool
    public var title: String?
    public var caption: String?
    /// Axis titles (none unless given).
    public var xTitle: String?
    public var yTitle: String?
    /// Whether values may be printed on bars and points (where they fit).
    public var valueLabels: Bool
    /// The height asked for, in points.
    public var height: Double?

    public init(kind: Kind, xKind: XKind, x: [Double], xLabels: [String], series: [DataSeries], sizes: [Double?] = [],
                stack: Bool = false, horizontal: Bool = false, title: String? = nil, caption: String? = nil,
                xTitle: String? = nil, yTitle: String? = nil, valueLabels: Bool = true, height: Double? = nil) {
        self.kind = kind
        self.xKind = xKind
        self.x = x
        self.xLabels = xLabels
        self.series = series
        self.sizes = sizes
        self.stack = stack
        self.horizontal = horizontal
        self.title = title
        self.caption = caption
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.valueLabels = valueLabels
        self.height = height
    }
}

/// One named series of a data chart: a value (or a gap) per x.
public struct DataSeries: Hashable, Sendable {
    public var name: String
    public var values: [Double?]

    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}
