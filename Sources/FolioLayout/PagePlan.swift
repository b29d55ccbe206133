/// What the composer decided for one page: where each unit, repeated header, float and footnote
/// line goes, and whether the page is turned.
public struct PagePlan: RandomAccessCollection, Sendable {
    /// Something placed on the page, at (`x`, `y`) from the top-left of the text area.
    public struct Placement: Sendable {
        public enum Source: Sendable {
            /// A body unit (in the flow, a float, or a spanning unit).
            case unit(Int)
            /// A table header repeated where a page or column starts inside its table.
            case header(RepeatedHeader)
            /// Line `line` of footnote `number`.
            case footnote(number: Int, line: Int)
            /// The short rule above a column's footnotes.
            case footnoteRule
        }
        public var source: Source
        public var x: Double
        public var y: Double
        /// The first unit of a column or page: the space above it, and what fills it, are dropped.
        public var startsColumn: Bool
        /// A figure whose picture is set smaller than laid out (`FlowUnit.picture`).
        public var scale = 1.0

        public init(source: Source, x: Double = 0, y: Double, startsColumn: Bool = false, scale: Double = 1) {
            self.source = source
            self.x = x
            self.y = y
            self.startsColumn = startsColumn
            self.scale = scale
        }
    }

    public var placements: [Placement]
    /// The page's width and height are the layout's swapped.
    public var turned: Bool

    public init(_ placements: [Placement] = [], turned: Bool = false) {
        self.placements = placements
        self.turned = turned
    }

    public var startIndex: Int { placements.startIndex }
    public var endIndex: Int { placements.endIndex }
    public subscript(position: Int) -> Placement { placements[position] }

    /// Indices of the body units on the page, in placement order.
    public var unitIndices: [Int] {
        placements.compactMap { if case .unit(let index) = $0.source { return index } else { return nil } }
    }
}
