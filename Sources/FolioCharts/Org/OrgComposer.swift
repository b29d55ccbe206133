import FolioDisplay

/// Turns one placed part of an org chart into a drawing: heading, connectors, cards, routed links, legend.
struct OrgComposer {
    let forest: OrgForest
    let style: OrgStyle
    let cards: OrgCardMaker
    /// Heading lines of the first part (org title and date, what it is compared with).
    let heading: [String]
    var legend: [OrgLegendEntry]
    /// Anchor name of part `n`.
    let anchorName: (Int) -> String
    /// Names parts in marks and headings ("page 12" once the document knows where the chart lands).
    var frame: ChartFrame

    /// The corner radius of this chart's cards (see `OrgStyle.roundedCardLimit`).
    var cardRadius: Double { style.cornerRadius(cards: forest.order.count) }

    /// Room kept right of the widest text: shaped text may draw slightly wider than it measured.
    var slack: Double { 4 * style.theme.textSize / 8.5 }

    /// The natural size of `part`'s drawing, without building its items (for fitting trials).
    func measure(_ part: OrgPart) -> Size {
        let unit = style.theme.textSize / 8.5
        let hasLinks = forest.org.links.contains { part.cardIndex[$0.from] != nil && part.cardIndex[$0.to] != nil }
        let margin = hasLinks ? 14 * unit : 2.0
        var width = max(part.placement.size.width + 2 * margin, widestLinkLabel(part) + 2)
        var y = 2.0
        let lines = headingLines(part)
        for (line, _) in lines {
            y += line.height + 2 * unit
            width = max(width, line.width + 4)
        }
        if !lines.isEmpty { y += 4 * unit }
        y += 2 * margin - 2 + part.placement.size.height + labelRoom(part)
        let (legendItems, legendHeight) = OrgLegend.items(legend, width: max(width - 4, 240 * unit), style: style, cards: cards,
                                                          cardRadius: cardRadius)
        if legendHeight > 0 {
            y += 8 * unit + legendHeight
            width = max(width, legendWidth(legendItems) + 4)
        }
        return Size(width: width + slack, height: y + 2)
    }

    /// The heading lines of `part`, each with the anchor it links to.
    func headingLines(_ part: OrgPart) -> [(TextLine, String?)] {
        if part.number == 1 {
            return heading.enumerated().map { index, text in (cards.line(text, index == 0 ? style.headerStyle : style.smallStyle), nil) }
        }
        let froms = part.fromParts.isEmpty ? [1] : part.fromParts
        let title = forest.org.title.map { "\($0): " } ?? ""
        let text = "\(title)\(frame.partName(part.number)), continued from \(frame.partNames(froms))"
        return [(cards.line(text, style.headerStyle), anchorName(froms[0]))]
    }

    /// The labels of the links drawn in `part`.
    func linkLabels(_ part: OrgPart) -> [TextLine] {
        forest.org.links.compactMap { link in
            guard let label = link.label, !label.isEmpty, part.cardIndex[link.from] != nil, part.cardIndex[link.to] != nil else { return nil }
            return cards.line(label, style.linkLabelStyle)
        }
    }

    /// The widest label box of the links drawn in `part` (0 without labelled links).
    func widestLinkLabel(_ part: OrgPart) -> Double {
        linkLabels(part).reduce(0.0) { max($0, $1.width + 4) }
    }

    /// Height added below the cards so every label has a free row: the margins above and below the
    /// cards hold one row each (the chart is at least as wide as the widest label); each further
    /// label may need a row of its own.
    func labelRoom(_ part: OrgPart) -> Double {
        let labels = linkLabels(part)
        guard labels.count > 2 else { return 0 }
        let row = labels.reduce(0.0) { max($0, $1.height + 2) } + 1
        return Double(labels.count - 2) * row
    }

    func legendWidth(_ items: [DisplayItem]) -> Double {
        items.reduce(0.0) { right, item in
            if case .text(let text) = item { return max(right, text.origin.x + text.line.width) }
            return right
        }
    }

    /// A drawing at natural size (scale 1).
    func compose(_ part: OrgPart) -> Drawing {
        let links = forest.org.links.compactMap { link -> (Org.Link, Int, Int)? in
            guard let from = part.cardIndex[link.from], let to = part.cardIndex[link.to] else { return nil }
            return (link, from, to)
        }
        let unit = style.theme.textSize / 8.5
        let margin = links.isEmpty ? 2.0 : 14 * unit
        var items: [DisplayItem] = [.anchor(AnchorItem(name: anchorName(part.number), point: .zero))]
        var y = 2.0
        var width = max(part.placement.size.width + 2 * margin, widestLinkLabel(part) + 2)

        // Heading.
        let headingLines = self.headingLines(part)
        for (line, anchor) in headingLines {
            let text = TextItem(origin: Point(x: 2, y: y + line.ascent), line: line)
            items.append(.text(text))
            if let anchor { items.append(.link(LinkItem(rect: text.bounds, target: .anchor(anchor)))) }
            y += line.height + 2 * unit
            width = max(width, line.width + 4)
        }
        if !headingLines.isEmpty { y += 4 * unit }

        // Connectors, then cards, then links.
        let origin = Point(x: margin, y: y + margin - 2)
        var chart: [DisplayItem] = []
        let connectorStroke = Stroke(color: style.connector, width: 0.8)
        for family in part.placement.families {
            var elements: [PathElement] = []
            for (a, b) in family.segments {
                elements.append(.move(a))
                elements.append(.line(b))
            }
            chart.append(.path(PathItem(elements: elements, stroke: connectorStroke)))
        }
        for placed in part.placement.cards {
            chart.append(contentsOf: placed.card.items(at: Point(x: placed.rect.minX, y: placed.rect.minY), cornerRadius: cardRadius))
        }
        if !links.isEmpty {
            let rects = part.placement.cards.map(\.rect)
            // Wide enough for the widest label (a long label on a small chart widens it).
            let bounds = Rect(x: -margin + 1, y: -margin + 1,
                              width: max(part.placement.size.width + 2 * margin - 2, widestLinkLabel(part)),
                              height: part.placement.size.height + 2 * margin - 2 + labelRoom(part))
            let router = OrgLinkRouter(cards: rects, bounds: bounds, clearance: 6 * unit)
            var labels: [Rect] = []
            for (link, from, to) in links {
                chart.append(contentsOf: linkItems(link, from: rects[from], to: rects[to], router: router, labels: &labels))
            }
        }
        items.append(.group(GroupItem(origin: origin, items: chart)))
        y = origin.y + part.placement.size.height + margin + labelRoom(part)

        // Legend.
        let (legendItems, legendHeight) = OrgLegend.items(legend, width: max(width - 4, 240 * unit), style: style, cards: cards,
                                                          cardRadius: cardRadius)
        if legendHeight > 0 {
            y += 8 * unit
            items.append(.group(GroupItem(origin: Point(x: 2, y: y), items: legendItems)))
            width = max(width, legendWidth(legendItems) + 4)
            y += legendHeight
        }
        return Drawing(size: Size(width: width + slack, height: y + 2), items: items)
    }

    /// The routed line of a link, an arrowhead at its target, and its label.
    func linkItems(_ link: Org.Link, from: Rect, to: Rect, router: OrgLinkRouter, labels: inout [Rect]) -> [DisplayItem] {
        let unit = style.theme.textSize / 8.5
        let dash: [Double]
        switch link.style {
        case .solid: dash = []
        case .dotted: dash = [1.2 * unit, 2 * unit]
        case .dashed: dash = [4 * unit, 3 * unit]
        }
        let color = style.theme.accent
        var items: [DisplayItem] = []
        var points: [Point]
        if let route = router.route(from: from, to: to), route.count >= 2 {
            points = route
            items.append(.path(PathItem(elements: [.move(route[0])] + route.dropFirst().map { .line($0) },
                                        stroke: Stroke(color: color, width: 1.1, dash: dash))))
        } else {
            let start = Point(x: from.maxX, y: from.minY + from.height / 2), end = Point(x: to.minX, y: to.minY + to.height / 2)
            let bend = abs(end.x - start.x) / 2 + 20
            points = [start, end]
            items.append(.path(PathItem(elements: [.move(start), .curve(Point(x: start.x + bend, y: start.y), Point(x: end.x - bend, y: end.y), end)],
                                        stroke: Stroke(color: color, width: 1.1, dash: dash))))
            points = [Point(x: end.x - 1, y: end.y), end]
        }
        // Arrowhead along the last segment.
        if let tip = points.last {
            let before = points[points.count - 2]
            let dx = tip.x - before.x, dy = tip.y - before.y
            let length = max((dx * dx + dy * dy).squareRoot(), 0.001)
            let ux = dx / length, uy = dy / length, size = 4.5 * unit
            let base = Point(x: tip.x - ux * size, y: tip.y - uy * size)
            items.append(.path(PathItem(elements: [.move(tip), .line(Point(x: base.x - uy * size * 0.55, y: base.y + ux * size * 0.55)),
                                                   .line(Point(x: base.x + uy * size * 0.55, y: base.y - ux * size * 0.55)), .close],
                                        fill: color)))
        }
        guard let label = link.label, !label.isEmpty, points.count >= 2 else { return items }
        let line = cards.line(label, style.linkLabelStyle)
        // Placed clear of every card and of the labels placed before it (see `OrgLinkRouter.labelBox`).
        guard let box = router.labelBox(size: Size(width: line.width + 4, height: line.height + 2), route: points, taken: labels) else {
            return items
        }
        labels.append(box)
        items.append(.rect(RectItem(rect: box, fill: Color.white.withAlpha(0.92), cornerRadius: 2)))
        items.append(.text(TextItem(origin: Point(x: box.minX + 2, y: box.minY + 1 + line.ascent), line: line)))
        return items
    }
}
