import FolioDisplay

/// One unbreakable piece of the text flow (a line, a table row, a figure) with its pagination rules.
///
/// Items are positioned relative to the unit's top-left corner, x measured from the left margin.
public struct FlowUnit: Sendable {
    public var height: Double
    /// Space above the unit; dropped when the unit starts a page.
    public var spaceBefore: Double
    public var items: [DisplayItem]
    /// Drawn in the space above the unit where that space is kept (a quote's background continued
    /// across the gap between its paragraphs); dropped with the space at the top of a page.
    public var gapItems: [DisplayItem] = []
    /// A heading: never the last unit on a page.
    public var keepWithNext = false
    /// False between lines that must stay together (orphan and widow control).
    public var canBreakAfter = true
    /// Start a new page before this unit (`<!-- pagebreak -->`).
    public var breakBefore = false
    /// A table header row to repeat when a page starts in the middle of this table.
    public var repeatedHeader: RepeatedHeader?
    /// A level-1 heading's text: what `{section}` shows from here on.
    public var sectionTitle: String?
    /// Headings in this unit: anchor name → level and title, for the table of contents.
    public var headings: [HeadingMark] = []
    /// The id of a chart whose parts continue on the following pages (its first unit only).
    public var splitChartID: String?
    /// A figure that may float: when it does not fit where it stands it moves to the top of a later
    /// column or page, and the text after it fills the room first.
    public var floats = false
    /// An image figure's picture (its caption keeps its size), which the composer may set smaller.
    public var picture: PicturePart?
    /// Laid out across every column of a multi-column page (a wide heading or figure).
    public var spansColumns = false
    /// On a turned page: the layout's width and height swapped (`<!-- pagebreak landscape -->`).
    public var turned = false
    /// Numbers of the footnotes cited in this unit, set at the foot of the page that shows it.
    public var footnotes: [Int] = []

    public init(height: Double, spaceBefore: Double = 0, items: [DisplayItem]) {
        self.height = height
        self.spaceBefore = spaceBefore
        self.items = items
    }
}

/// The picture of a figure unit: its first `items` items, `height` tall, at the unit's top (the
/// caption follows). Where the text has run out before a page break, the composer may set it as
/// small as `minimumScale` so that the figure fits the room left, rather than leave that page short.
public struct PicturePart: Sendable {
    public var items: Int
    public var height: Double
    public var minimumScale: Double

    public init(items: Int, height: Double, minimumScale: Double) {
        self.items = items
        self.height = height
        self.minimumScale = minimumScale
    }

    /// The unit's height with the picture at `scale`.
    func height(of unit: FlowUnit, at scale: Double) -> Double { unit.height - height * (1 - scale) }
}

/// A header row repeated at the top of each page a table continues on.
public final class RepeatedHeader: @unchecked Sendable {
    public let unit: FlowUnit
    public init(unit: FlowUnit) { self.unit = unit }
}

/// A heading's place in the flow, for the table of contents.
public struct HeadingMark: Hashable, Sendable {
    public var anchor: String
    public var level: Int
    public var title: String
}
