import FolioDisplay
import FolioModel

/// Org charts: reads the fence, diffs against `compare:`, lays out the tree and fits it to the frame.
enum OrgChart {
    static func layout(_ chart: ChartBlock, data: DataSet, frame: ChartFrame, theme: ChartTheme,
                       measurer: TextMeasuring, plans: ChartPlans? = nil) throws -> ChartDrawing {
        // A plan kept from the document's first pass needs no second reading of the org.
        if !measurer.estimatesOnly, let kept = plans?.org(chart.id, frame: frame) { return relabelled(kept, frame: frame) }
        let request = try OrgRequest.parse(chart, orgs: data.orgs)
        return render(request, chartID: chart.id, frame: frame, theme: theme, measurer: measurer, plans: plans)
    }

    /// Draws a checked request: the main drawing, and continuation parts when the org had to be split.
    /// With `plans`, a plan made for the same frame is relabelled (its pages now known), not made again.
    static func render(_ request: OrgRequest, chartID: String, frame: ChartFrame, theme: ChartTheme,
                       measurer: TextMeasuring, plans: ChartPlans? = nil) -> ChartDrawing {
        if !measurer.estimatesOnly, let kept = plans?.org(chartID, frame: frame) { return relabelled(kept, frame: frame) }
        let diff = request.baseline.map { OrgDiff.compare(request.org, with: $0) }
        let org = diff.map { OrgDiff.merged(request.org, $0) } ?? request.org
        let forest = OrgForest(org, root: request.root, depth: request.depth)
        let style = OrgStyle(theme: theme)
        let cards = OrgCardMaker(style: style, measurer: measurer)
        // Every card's text, as `OrgPlanner.baseCard` will ask for it.
        let makeCards = { (maker: OrgCardMaker) in
            for node in forest.order { _ = maker.card(for: forest.org.nodes[node], mark: diff?.marks[forest.org.nodes[node].id]) }
        }
        if measurer.estimatesOnly {
            // A dry run learns what the cards will shape; planning pages at estimated sizes would be wasted.
            makeCards(cards)
            let stand = Drawing(size: Size(width: frame.width, height: frame.maximumHeight / 2), items: [])
            return ChartDrawing(drawing: stand, caption: request.caption)
        }
        var heading: [String] = []
        if let title = org.title { heading.append(title) }
        var details: [String] = []
        if let date = org.date { details.append(ISODate(parsing: date)?.longDescription ?? date) }
        if let baseline = request.baseline {
            var against = baseline.title ?? baseline.id
            if let date = baseline.date { against += " (\(ISODate(parsing: date)?.longDescription ?? date))" }
            details.append("changes since \(against)")
        }
        if !details.isEmpty {
            let line = details.joined(separator: " · ")
            heading.append(line.prefix(1).uppercased() + line.dropFirst())
        }
        let anchor = { (part: Int) in "org-\(chartID)-part-\(part)" }
        let composer = OrgComposer(forest: forest, style: style, cards: cards, heading: heading, legend: [], anchorName: anchor,
                                   frame: frame)
        let planner = OrgPlanner(forest: forest, style: style, cards: cards, options: request.options, frame: frame,
                                 composer: composer, diff: diff)
        planner.composer.legend = planner.legendEntries()
        let parts = planner.plan()
        plans?.keep(planner, caption: request.caption, for: chartID, frame: frame)
        if plans != nil, frame.firstPage == nil, parts.count > 1 {
            // A split chart in a document is laid out again once its pages are known, to name them
            // in its marks: this first pass only decides where it lands, so sizes are enough.
            return outline(parts, planner: planner, caption: request.caption)
        }
        return draw(parts, planner: planner, caption: request.caption)
    }

    /// A kept plan, its marks naming parts as `frame` says, drawn.
    static func relabelled(_ kept: ChartPlans.KeptOrg, frame: ChartFrame) -> ChartDrawing {
        kept.planner.label(for: frame)
        return draw(kept.planner.parts(), planner: kept.planner, caption: kept.caption)
    }

    /// Every part's size as drawn (composed and scaled to the frame), without its items.
    static func outline(_ parts: [OrgPart], planner: OrgPlanner, caption: String?) -> ChartDrawing {
        let drawings = parts.map { part -> Drawing in
            let natural = planner.composer.measure(part)
            let scale = min(1, planner.scale(for: natural))
            return Drawing(size: Size(width: natural.width * scale, height: natural.height * scale), items: [])
        }
        return ChartDrawing(drawing: drawings[0], caption: caption, continuations: Array(drawings.dropFirst()))
    }

    /// Every part composed and scaled to the frame: the first is the drawing, the rest continue it.
    static func draw(_ parts: [OrgPart], planner: OrgPlanner, caption: String?) -> ChartDrawing {
        let drawings = parts.map { part -> Drawing in
            let natural = planner.composer.compose(part)
            return scaled(natural, by: planner.scale(for: natural.size))
        }
        let empty = Drawing(size: Size(width: 1, height: 1), items: [])
        return ChartDrawing(drawing: drawings.first ?? empty, caption: caption, continuations: Array(drawings.dropFirst()))
    }

    /// `drawing` uniformly scaled (anchors stay unscaled at the top left).
    static func scaled(_ drawing: Drawing, by scale: Double) -> Drawing {
        guard scale < 1 else { return drawing }
        var anchors: [DisplayItem] = [], rest: [DisplayItem] = []
        for item in drawing.items {
            if case .anchor = item { anchors.append(item) } else { rest.append(item) }
        }
        return Drawing(size: Size(width: drawing.size.width * scale, height: drawing.size.height * scale),
                       items: anchors + [.group(GroupItem(origin: .zero, scale: scale, items: rest))])
    }
}
