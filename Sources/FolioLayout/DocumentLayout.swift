import FolioCharts
import FolioDisplay
import FolioModel

/// Lays out a whole briefing: cover, table of contents, body pages with running furniture.
public enum DocumentLayout {
    /// Passes over the contents before its length settles (its own length can move headings).
    static let maximumContentsPasses = 4

    /// Lays out `briefing`. A chart split over several pages names them in its "continued" marks:
    /// the first pass finds where it lands, a second lays it out with those page numbers.
    public static func layout(_ briefing: Briefing, measurer: TextMeasuring) throws -> PagedDocument {
        var chartPages: [String: Int] = [:]
        var chartCache: [String: ChartDrawing] = [:]
        let chartPlans = ChartPlans()
        let highlights = CodeHighlights(blocks: briefing.blocks)
        highlights.startAhead()
        // A dry run with estimated text finds what the document will shape, to shape it all ahead.
        measurer.prefetch { estimate in
            var scratch: [String: ChartDrawing] = [:]
            _ = try layoutOnce(briefing, measurer: estimate, chartPages: [:], chartCache: &scratch, highlights: highlights)
        }
        var document = try layoutOnce(briefing, measurer: measurer, chartPages: chartPages, chartCache: &chartCache, chartPlans: chartPlans,
                                      highlights: highlights)
        for _ in 0..<2 where document.splitChartPages != chartPages {
            chartPages = document.splitChartPages
            document = try layoutOnce(briefing, measurer: measurer, chartPages: chartPages, chartCache: &chartCache, chartPlans: chartPlans,
                                      highlights: highlights)
        }
        document.shapeFurnitureAhead()
        return document
    }

    static func layoutOnce(_ briefing: Briefing, measurer: TextMeasuring, chartPages: [String: Int],
                           chartCache: inout [String: ChartDrawing], chartPlans: ChartPlans? = nil,
                           highlights: CodeHighlights? = nil) throws -> PagedDocument {
        let layout = briefing.layout
        let theme = Theme(layout: layout)
        let pageSize = Size(width: layout.pageWidth, height: layout.pageHeight)
        let flow = BlockFlow(briefing: briefing, theme: theme, measurer: measurer)
        flow.chartPages = chartPages
        flow.chartCache = chartCache
        flow.chartPlans = chartPlans
        flow.highlights = highlights
        try flow.flow(briefing.blocks)
        chartCache = flow.chartCache
        let bodyUnits = flow.units
        let bodyPlans = composer(for: layout, units: bodyUnits, footnotes: flow.footnoteUnits).compose(bodyUnits)
        let paginator = Paginator(pageHeight: layout.contentHeight)

        // Where each heading and section lands, in body page indices.
        var headingPages: [(HeadingMark, Int)] = []
        var sections: [String] = []
        var current = ""
        for plan in bodyPlans {
            var firstOnPage: String?
            for index in plan.unitIndices {
                for mark in bodyUnits[index].headings { headingPages.append((mark, sections.count)) }
                if let title = bodyUnits[index].sectionTitle {
                    if firstOnPage == nil { firstOnPage = title }
                    current = title
                }
            }
            sections.append(firstOnPage ?? current)
            if firstOnPage != nil { current = sectionAtEnd(of: plan, units: bodyUnits) ?? current }
        }

        let cover = layout.cover ? CoverPage(theme: theme, measurer: measurer, metadata: briefing.metadata).items(pageSize: pageSize) : nil
        let contents = TableOfContents(theme: theme, measurer: measurer, lang: briefing.metadata.lang)
        let marks = headingPages.map(\.0)
        var tocUnits = contents.units(for: marks, pages: [:])
        var tocPlans = tocUnits.isEmpty ? [] : paginator.paginate(tocUnits)
        var offset = 0
        for _ in 0..<maximumContentsPasses {
            offset = (cover == nil ? 0 : 1) + tocPlans.count
            let labels = PageLabels(layout: layout, frontPages: offset, totalPages: offset + bodyPlans.count)
            var pages: [String: String] = [:]
            for (mark, page) in headingPages { pages[mark.anchor] = labels.bodyPage(page) }
            tocUnits = contents.units(for: marks, pages: pages)
            let replanned = tocUnits.isEmpty ? [] : paginator.paginate(tocUnits)
            let settled = replanned.count == tocPlans.count
            tocPlans = replanned
            if settled { break }
        }
        var splitChartPages: [String: Int] = [:]
        for (pageIndex, plan) in bodyPlans.enumerated() {
            for index in plan.unitIndices {
                if let id = bodyUnits[index].splitChartID { splitChartPages[id] = offset + pageIndex + 1 }
            }
        }
        return PagedDocument(metadata: briefing.metadata, pageSize: pageSize, theme: theme, measurer: measurer,
                             coverItems: cover, tocUnits: tocUnits, tocPlans: tocPlans, bodyUnits: bodyUnits,
                             bodyPlans: bodyPlans, bodySections: sections,
                             headings: headingPages.map { (mark: $0.0, page: $0.1 + offset + 1) }, splitChartPages: splitChartPages,
                             footnoteUnits: flow.footnoteUnits)
    }

    /// The composer for a layout's pages: its columns, its turned pages, the body's footnotes, and
    /// each float cited only after it waiting for that citation.
    static func composer(for layout: LayoutSpec, units: [FlowUnit], footnotes: [Int: [FlowUnit]]) -> PageComposer {
        let regular = PageComposer.Geometry(height: layout.contentHeight, width: layout.contentWidth,
                                            columns: layout.columns, gap: layout.columnGap)
        let turned = PageComposer.Geometry(height: layout.pageWidth - layout.margins.top - layout.margins.bottom,
                                           width: layout.pageHeight - layout.margins.left - layout.margins.right)
        var composer = PageComposer(regular: regular, turned: turned)
        composer.footnotes = footnotes
        composer.floatGap = layout.body.size * 1.2
        composer.firstReference = firstReferences(units)
        return composer
    }

    /// For each float whose anchors are first linked to from a later unit: that unit's index.
    static func firstReferences(_ units: [FlowUnit]) -> [Int: Int] {
        var floatsByAnchor: [String: Int] = [:]
        for (index, unit) in units.enumerated() where unit.floats {
            for item in unit.items { if case .anchor(let anchor) = item { floatsByAnchor[anchor.name] = index } }
        }
        guard !floatsByAnchor.isEmpty else { return [:] }
        var first: [Int: Int] = [:]
        var seen: Set<Int> = []
        for (index, unit) in units.enumerated() {
            for item in unit.items {
                guard case .link(let link) = item, case .anchor(let name) = link.target, let float = floatsByAnchor[name],
                      float != index, seen.insert(float).inserted else { continue }
                if index > float { first[float] = index }
            }
        }
        return first
    }

    static func sectionAtEnd(of plan: PagePlan, units: [FlowUnit]) -> String? {
        for index in plan.unitIndices.reversed() {
            if let title = units[index].sectionTitle { return title }
        }
        return nil
    }
}
