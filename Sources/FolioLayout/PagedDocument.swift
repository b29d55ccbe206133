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
        var items: [DisplayItem] = []
        var section = ""
        if index < tocPlans.count {
            items = place(tocPlans[index], units: tocUnits)
            section = theme.layout.tocTitle
        } else {
            index -= tocPlans.count
            items = place(bodyPlans[index], units: bodyUnits)
            section = bodySections[index]
        }
        let values = [
            "title": metadata.title, "subtitle": metadata.subtitle ?? "", "date": metadata.displayDate ?? "",
            "section": section, "page": String(number), "pages": String(pageCount),
        ]
        let furniture = Furniture(theme: theme, measurer: measurer, lang: metadata.lang)
        return Page(number: number, size: pageSize, items: items + furniture.items(values: values, pageSize: pageSize))
    }

    /// Moves each placed unit's items to its place on the page.
    func place(_ plan: Paginator.PagePlan, units: [FlowUnit]) -> [DisplayItem] {
        let left = theme.layout.margins.left, top = theme.layout.margins.top
        var items: [DisplayItem] = []
        for placement in plan {
            let unit: FlowUnit
            switch placement.source {
            case .unit(let index): unit = units[index]
            case .header(let header): unit = header.unit
            }
            for item in unit.items { items.append(item.translated(dx: left, dy: top + placement.y)) }
        }
        return items
    }
}
