import FolioDisplay
import FolioModel

/// A laid-out document: page plans, built into display lists one page at a time on request.
public final class PagedDocument: @unchecked Sendable {
    public let metadata: Metadata
    public let pageSize: Size
    /// Every heading with the page it starts on.
    public let headings: [(mark: HeadingMark, page: Int)]
    /// The page on which each chart that continues over several pages starts, by chart id.
    public let splitChartPages: [String: Int]

    let theme: Theme
    let measurer: TextMeasuring
    let coverItems: [DisplayItem]?
    let tocUnits: [FlowUnit]
    let tocPlans: [Paginator.PagePlan]
    let bodyUnits: [FlowUnit]
    let bodyPlans: [Paginator.PagePlan]
    /// `{section}` for each body page.
    let bodySections: [String]

    init(metadata: Metadata, pageSize: Size, theme: Theme, measurer: TextMeasuring, coverItems: [DisplayItem]?,
         tocUnits: [FlowUnit], tocPlans: [Paginator.PagePlan], bodyUnits: [FlowUnit], bodyPlans: [Paginator.PagePlan],
         bodySections: [String], headings: [(mark: HeadingMark, page: Int)], splitChartPages: [String: Int] = [:]) {
        self.splitChartPages = splitChartPages
        self.metadata = metadata
        self.pageSize = pageSize
        self.theme = theme
        self.measurer = measurer
        self.coverItems = coverItems
        self.tocUnits = tocUnits
        self.tocPlans = tocPlans
        self.bodyUnits = bodyUnits
        self.bodyPlans = bodyPlans
        self.bodySections = bodySections
        self.headings = headings
    }

    var frontPageCount: Int { (coverItems == nil ? 0 : 1) + tocPlans.count }
    public var pageCount: Int { frontPageCount + bodyPlans.count }

    /// The display list of page `number` (1-based).
    public func page(_ number: Int) -> Page {
        precondition(number >= 1 && number <= pageCount, "page \(number) out of range")
        var index = number - 1
        if let coverItems {
            if index == 0 { return Page(number: number, size: pageSize, items: coverItems) }
            index -= 1
        }
        let items = index < tocPlans.count
            ? place(tocPlans[index], units: tocUnits)
            : place(bodyPlans[index - tocPlans.count], units: bodyUnits)
        let values = furnitureValues(page: number)
        return Page(number: number, size: pageSize, items: items + DisplayItem.artifact(furniture.items(values: values, pageSize: pageSize)))
    }

    /// Shapes every page's header and footer ahead of drawing (in parallel where the measurer can).
    public func shapeFurnitureAhead() {
        let first = coverItems == nil ? 1 : 2
        guard first <= pageCount else { return }
        measurer.shapeAhead((first...pageCount).flatMap { furniture.requests(values: furnitureValues(page: $0)) })
    }

    private var furniture: Furniture { Furniture(theme: theme, measurer: measurer, lang: metadata.lang) }

    /// The template fields of a page after the cover.
    func furnitureValues(page number: Int) -> [String: String] {
        let index = number - 1 - (coverItems == nil ? 0 : 1)
        let section = index < tocPlans.count ? theme.layout.tocTitle : bodySections[index - tocPlans.count]
        return [
            "title": metadata.title, "subtitle": metadata.subtitle ?? "", "date": metadata.displayDate ?? "",
            "section": section, "page": String(number), "pages": String(pageCount),
        ]
    }

    /// Moves each placed unit's items to its place on the page.
    func place(_ plan: Paginator.PagePlan, units: [FlowUnit]) -> [DisplayItem] {
        let left = theme.layout.margins.left, top = theme.layout.margins.top
        var items: [DisplayItem] = []
        var firstUnit = true
        for placement in plan {
            let unit: FlowUnit
            switch placement.source {
            case .unit(let index):
                unit = units[index]
                // The page's first unit starts at its top: the space above it, and what fills it, are dropped.
                if !firstUnit { for item in unit.gapItems { items.append(item.translated(dx: left, dy: top + placement.y)) } }
                firstUnit = false
            case .header(let header): unit = header.unit
            }
            for item in unit.items { items.append(item.translated(dx: left, dy: top + placement.y)) }
        }
        return items
    }
}
