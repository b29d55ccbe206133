/// Places flow units on pages of one column: the page composer with a single column, no turned
/// pages and no footnotes (the contents list, and tests of the plain flow).
public struct Paginator {
    /// Height available for units on each page.
    public var pageHeight: Double

    public init(pageHeight: Double) { self.pageHeight = pageHeight }

    public typealias Placement = PagePlan.Placement
    public typealias PagePlan = FolioLayout.PagePlan

    public func paginate(_ units: [FlowUnit]) -> [PagePlan] {
        PageComposer(pageHeight: pageHeight).compose(units)
    }
}
