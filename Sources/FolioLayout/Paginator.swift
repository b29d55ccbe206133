/// Places flow units on pages: keeps headings with what follows, lines with their paragraph,
/// repeats table headers, and honours page breaks.
public struct Paginator {
    /// Height available for units on each page.
    public var pageHeight: Double

    public init(pageHeight: Double) { self.pageHeight = pageHeight }

    /// A unit or a repeated table header, at `y` from the top of the text area.
    public struct Placement: Sendable {
        public enum Source: Sendable {
            case unit(Int)
            case header(RepeatedHeader)
        }
        public var source: Source
        public var y: Double
    }

    public typealias PagePlan = [Placement]

    public func paginate(_ units: [FlowUnit]) -> [PagePlan] {
        var pages: [PagePlan] = [[]]
        var y = 0.0
        var firstUnitOnPage = 0
        var index = 0
        let epsilon = 0.01
        func newPage(startingAt unitIndex: Int) {
            pages.append([])
            y = 0
            firstUnitOnPage = unitIndex
            if unitIndex < units.count, let header = units[unitIndex].repeatedHeader {
                pages[pages.count - 1].append(Placement(source: .header(header), y: 0))
                y = header.unit.height
            }
        }
        while index < units.count {
            let unit = units[index]
            let pageIsEmpty = index == firstUnitOnPage
            if unit.breakBefore, !pageIsEmpty {
                newPage(startingAt: index)
                continue
            }
            let space = pageIsEmpty ? 0 : unit.spaceBefore
            if y + space + unit.height <= pageHeight + epsilon || pageIsEmpty {
                pages[pages.count - 1].append(Placement(source: .unit(index), y: y + space))
                y += space + unit.height
                index += 1
                continue
            }
            // The unit does not fit: break after the last unit that allows it, moving the rest along.
            var breakAfter = index - 1
            while breakAfter > firstUnitOnPage, !(units[breakAfter].canBreakAfter && !units[breakAfter].keepWithNext) {
                breakAfter -= 1
            }
            if breakAfter > firstUnitOnPage || (units[breakAfter].canBreakAfter && !units[breakAfter].keepWithNext) {
                pages[pages.count - 1].removeAll { placement in
                    if case .unit(let placed) = placement.source { return placed > breakAfter }
                    return false
                }
                index = breakAfter + 1
            }
            newPage(startingAt: index)
        }
        return pages
    }
}
