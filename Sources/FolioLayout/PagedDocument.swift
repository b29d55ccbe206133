import FolioDisplay
import FolioModel

/// A laid-out document: page plans, built into display lists one page at a time on request.
public final class PagedDocument: @unchecked Sendable {
    public let metadata: Metadata
    /// The layout's page size (turned pages swap it).
    public let pageSize: Size
    /// Every heading with the page it starts on.
    public let headings: [(mark: HeadingMark, page: Int)]
    /// The page on which each chart that continues over several pages starts, by chart id.
    public let splitChartPages: [String: Int]

    let theme: Theme
    let measurer: TextMeasuring
    let coverItems: [DisplayItem]?
    let tocUnits: [FlowUnit]
    let tocPlans: [PagePlan]
    let bodyUnits: [FlowUnit]
    let bodyPlans: [PagePlan]
    /// Each footnote's lines, by number.
    let footnoteUnits: [Int: [FlowUnit]]
    /// `{section}` for each body page.
    let bodySections: [String]

    init(metadata: Metadata, pageSize: Size, theme: Theme, measurer: TextMeasuring, coverItems: [DisplayItem]?,
         tocUnits: [FlowUnit], tocPlans: [PagePlan], bodyUnits: [FlowUnit], bodyPlans: [PagePlan],
         bodySections: [String], headings: [(mark: HeadingMark, page: Int)], splitChartPages: [String: Int] = [:],
         footnoteUnits: [Int: [FlowUnit]] = [:]) {
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
        self.footnoteUnits = footnoteUnits
    }

    var frontPageCount: Int { (coverItems == nil ? 0 : 1) + tocPlans.count }
    public var pageCount: Int { frontPageCount + bodyPlans.count }

    /// How a PDF viewer numbers the pages: as `{page}` prints them.
    public var pageLabelRanges: [PageLabelRange] {
        PageLabels(layout: theme.layout, frontPages: frontPageCount, totalPages: pageCount).ranges
    }

    /// The size of page `number` (1-based): turned pages swap the layout's width and height.
    public func size(ofPage number: Int) -> Size {
        let index = number - 1 - frontPageCount
        guard index >= 0, index < bodyPlans.count, bodyPlans[index].turned else { return pageSize }
        return Size(width: pageSize.height, height: pageSize.width)
    }

    /// The display list of page `number` (1-based).
    public func page(_ number: Int) -> Page {
        precondition(number >= 1 && number <= pageCount, "page \(number) out of range")
        let size = size(ofPage: number)
        let stamp = watermark.items(pageSize: size)
        var index = number - 1
        if let coverItems {
            if index == 0 { return Page(number: number, size: size, items: coverItems + stamp) }
            index -= 1
        }
        let items = index < tocPlans.count
            ? place(tocPlans[index], units: tocUnits)
            : place(bodyPlans[index - tocPlans.count], units: bodyUnits)
        let values = furnitureValues(page: number)
        return Page(number: number, size: size, items: DisplayItem.artifact(stamp) + items
                    + DisplayItem.artifact(furniture.items(values: values, pageSize: size)))
    }

    /// Shapes every page's header and footer ahead of drawing (in parallel where the measurer can).
    public func shapeFurnitureAhead() {
        let first = coverItems == nil ? 1 : 2
        guard first <= pageCount else { return }
        measurer.shapeAhead((first...pageCount).flatMap { furniture.requests(values: furnitureValues(page: $0)) })
    }

    private var furniture: Furniture { Furniture(theme: theme, measurer: measurer, lang: metadata.lang) }

    private var watermark: Watermark {
        Watermark(style: theme.layout.watermark, text: metadata.watermark ?? theme.layout.watermark.text,
                  measurer: measurer, theme: theme, lang: metadata.lang)
    }

    /// The template fields of a page after the cover.
    func furnitureValues(page number: Int) -> [String: String] {
        let index = number - 1 - (coverItems == nil ? 0 : 1)
        let section = index < tocPlans.count ? theme.layout.tocTitle : bodySections[index - tocPlans.count]
        let label = PageLabels(layout: theme.layout, frontPages: frontPageCount, totalPages: pageCount)
        return [
            "title": metadata.title, "subtitle": metadata.subtitle ?? "", "date": metadata.displayDate ?? "",
            "section": section, "page": label.page(number), "pages": label.pages(number),
        ]
    }

    /// Moves each placed unit's items to its place on the page.
    func place(_ plan: PagePlan, units: [FlowUnit]) -> [DisplayItem] {
        let left = theme.layout.margins.left, top = theme.layout.margins.top
        var items: [DisplayItem] = []
        // A footnote's lines on this page form one Note element (a note continued on the next page is another).
        var openNote: Int?
        for placement in plan {
            let unit: FlowUnit
            let dx = left + placement.x, dy = top + placement.y
            var note: Int?
            if case .footnote(let number, _) = placement.source { note = number }
            if let open = openNote, open != note {
                items.append(.structure(.end))
                openNote = nil
            }
            if let note, openNote == nil {
                items.append(.structure(.begin(StructureElement(.note))))
                openNote = note
            }
            switch placement.source {
            case .unit(let index) where placement.scale != 1 && units[index].picture != nil:
                items += Self.reduced(units[index], scale: placement.scale, at: Point(x: dx, y: dy),
                                      width: plan.turned ? theme.layout.turnedContentWidth : theme.layout.columnWidth)
                continue
            case .unit(let index):
                unit = units[index]
                // A column's first unit starts at its top: the space above it, and what fills it, are dropped.
                if !placement.startsColumn { for item in unit.gapItems { items.append(item.translated(dx: dx, dy: dy)) } }
            case .header(let header): unit = header.unit
            case .footnote(let number, let line):
                guard let lines = footnoteUnits[number], line < lines.count else { continue }
                unit = lines[line]
            case .footnoteRule:
                let width = min(72, theme.layout.columnWidth * 0.3)
                let y = dy + 4
                items.append(.line(LineItem(from: Point(x: dx, y: y), to: Point(x: dx + width, y: y),
                                            stroke: Stroke(color: theme.rule.mixed(with: theme.text, amount: 0.3), width: 0.6))))
                continue
            }
            for item in unit.items { items.append(item.translated(dx: dx, dy: dy)) }
        }
        if openNote != nil { items.append(.structure(.end)) }
        return BackdropMerging.merged(items)
    }

    /// A figure's items with its picture at `scale`, still centred in a column `width` wide, and its
    /// caption as laid out, moved up under it.
    static func reduced(_ unit: FlowUnit, scale: Double, at origin: Point, width: Double) -> [DisplayItem] {
        guard let picture = unit.picture, picture.items <= unit.items.count else { return [] }
        let pictureItems = Array(unit.items[..<picture.items])
        let shift = picture.height * (1 - scale)
        return [.group(GroupItem(origin: Point(x: origin.x + width * (1 - scale) / 2, y: origin.y), scale: scale, items: pictureItems))]
            + unit.items[picture.items...].map { $0.translated(dx: origin.x, dy: origin.y - shift) }
    }
}
