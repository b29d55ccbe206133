import FolioDisplay
import FolioModel

/// Lists and block quotes: blocks flowed in a narrower context, with markers or a pull-quote frame.
extension BlockFlow {
    /// The narrowest text measure nesting may leave (points).
    static let minimumNestedWidth = 108.0

    func addList(_ list: ListBlock, in context: Context, spaceBefore: Double, depth: Int) throws {
        let style = context.inQuote ? theme.quote : theme.body
        let markers = list.items.indices.map { index -> String in
            list.ordered ? "\(list.start + index)\(list.parenthesis ? ")" : ".")" : ["•", "◦", "▪"][depth % 3]
        }
        var markerStyle = style
        markerStyle.font.italic = false
        if !list.ordered { markerStyle.color = theme.accent }
        let markerLines = markers.map { measurer.measureLine([TextSpan($0, style: markerStyle)], lang: lang) }
        let widest = markerLines.map(\.width).max() ?? 0
        let gap = style.font.size * 0.6
        // Deep nesting stops indenting once the text would get narrower than about 1.5 inches.
        let indent = context.width - max(style.font.size * 1.5, widest + gap) < Self.minimumNestedWidth
            ? 0 : max(style.font.size * 1.5, widest + gap)
        var inner = context
        inner.x += indent
        inner.width -= indent
        inner.blockGap = list.tight ? style.font.size * 0.25 : theme.paragraphSpacing
        // A right-to-left item is indented from the right, its marker right of its text.
        var mirrored = inner
        mirrored.x = context.x
        let listStart = units.count
        for (index, item) in list.items.enumerated() {
            let start = units.count
            let counters = (figureCount, tableCount, headingNumbers)
            try addItem(item, in: inner, first: index == 0, spaceBefore: spaceBefore, depth: depth)
            let rightToLeft = Self.firstLine(of: units[start...])?.rightToLeft ?? false
            if rightToLeft {
                // Laid out again (the text is measured already): nothing of the first pass is kept.
                units.removeSubrange(start...)
                (figureCount, tableCount, headingNumbers) = counters
                try addItem(item, in: mirrored, first: index == 0, spaceBefore: spaceBefore, depth: depth)
            }
            let itemContext = rightToLeft ? mirrored : inner
            if units.count == start {
                addSpacer(theme.lineHeight(style), in: itemContext, spaceBefore: inner.blockGap, keepWithNext: false)
            }
            let baseline = units[start].items.lazy.compactMap { item -> Double? in
                if case .text(let text) = item { return text.origin.y } else { return nil }
            }.first ?? theme.lineHeight(style) * 0.75
            if index < list.tasks.count, let checked = list.tasks[index] {
                // A task item: a drawn box (ticked when done) in place of the bullet.
                let size = style.font.size * 0.78
                let x = rightToLeft ? mirrored.x + mirrored.width + gap : inner.x - gap - size
                units[start].items += taskBox(checked: checked, at: Point(x: x, y: baseline - size * 0.92), size: size)
                continue
            }
            let marker = markerLines[index]
            let x = rightToLeft ? mirrored.x + mirrored.width + gap : inner.x - gap - marker.width
            // Tagged LI > Lbl (the marker), LBody (the item's blocks): the marker is read first.
            let label: [DisplayItem] = [.structure(.begin(StructureElement(.listItem)))]
                + DisplayItem.tagged(StructureElement(.label), [.text(TextItem(origin: Point(x: x, y: baseline), line: marker))])
                + [.structure(.begin(StructureElement(.listBody)))]
            units[start].items.insert(contentsOf: label, at: Self.contentStart(of: units[start].items))
            units[units.count - 1].items += [.structure(.end), .structure(.end)]
        }
        tag(StructureElement(.list), from: listStart)
    }

    /// A task box with its top-left corner at `origin`: outlined when open, filled with a white tick when done.
    func taskBox(checked: Bool, at origin: Point, size: Double) -> [DisplayItem] {
        let rect = Rect(x: origin.x, y: origin.y, width: size, height: size)
        guard checked else {
            return [.rect(RectItem(rect: rect, fill: .white, stroke: Stroke(color: theme.muted, width: 0.8), cornerRadius: size * 0.18))]
        }
        let tick = PathItem(elements: [
            .move(Point(x: origin.x + size * 0.22, y: origin.y + size * 0.52)),
            .line(Point(x: origin.x + size * 0.42, y: origin.y + size * 0.72)),
            .line(Point(x: origin.x + size * 0.78, y: origin.y + size * 0.28)),
        ], stroke: Stroke(color: .white, width: size * 0.14))
        return [.rect(RectItem(rect: rect, fill: theme.accent, cornerRadius: size * 0.18)), .path(tick)]
    }

    /// The blocks of one list item, in `inner`.
    private func addItem(_ item: [Block], in inner: Context, first: Bool, spaceBefore: Double, depth: Int) throws {
        for (blockIndex, block) in item.enumerated() {
            var blockContext = inner
            if blockIndex == 0 { blockContext.blockGap = first ? spaceBefore : inner.blockGap }
            if case .list(let nested) = block.kind {
                try addList(nested, in: inner, spaceBefore: inner.blockGap, depth: depth + 1)
            } else {
                try flow(block, in: blockContext, first: false)
            }
        }
    }

    /// The first text line placed in `units`.
    static func firstLine(of units: ArraySlice<FlowUnit>) -> TextLine? {
        for unit in units {
            for item in unit.items { if case .text(let text) = item { return text.line } }
        }
        return nil
    }

    /// A GitHub alert: a callout tinted with its kind's colour, a bar on the left and its title
    /// ("Note", "Warning", …) above its blocks.
    func addAlert(_ alert: AlertBlock, in context: Context, spaceBefore: Double) throws {
        let pad = theme.layout.body.size * 0.8
        let bar = 3.0
        let color = theme.alertColor(alert.kind)
        var inner = context
        if context.width - (bar + pad * 2.4) >= Self.minimumNestedWidth {
            inner.x += bar + pad * 1.4
            inner.width -= bar + pad * 2.4
        }
        inner.blockGap = theme.paragraphSpacing * 0.8
        let frameX = context.x, frameWidth = context.width
        let background = color.mixed(with: .white, amount: 0.93)
        let outer = context.decorate
        inner.decorate = { height, above in
            (outer?(height, above) ?? []) + [
                .rect(RectItem(rect: Rect(x: frameX, y: -above, width: frameWidth, height: height + above), fill: background)),
                .rect(RectItem(rect: Rect(x: frameX, y: -above, width: bar, height: height + above), fill: color)),
            ]
        }
        addSpacer(pad * 0.8, in: inner, spaceBefore: spaceBefore, keepWithNext: true, opensFrame: true)
        var titleStyle = theme.body
        titleStyle.font.family = theme.layout.heading.family
        titleStyle.font.weight = 700
        titleStyle.color = color
        let title = measurer.breakLines(StyledParagraph(spans: [TextSpan(alert.title, style: titleStyle)], lang: lang), width: inner.width)
        let start = units.count
        addLines(title, style: titleStyle, in: inner, spaceBefore: 0)
        for index in start..<units.count { units[index].keepWithNext = true; units[index].canBreakAfter = false }
        var first = inner
        first.blockGap = theme.paragraphSpacing * 0.3
        for (index, block) in alert.blocks.enumerated() {
            try flow(block, in: index == 0 ? first : inner, first: index == 0)
        }
        addSpacer(pad * 0.8, in: inner, spaceBefore: 0, keepWithNext: false)
    }

    func addQuote(_ blocks: [Block], in context: Context, spaceBefore: Double) throws {
        let pad = theme.layout.body.size * 0.9
        let bar = 3.0
        var inner = context
        if context.width - (bar + pad * 2.4) >= Self.minimumNestedWidth {
            inner.x += bar + pad * 1.4
            inner.width -= bar + pad * 2.4
        }
        inner.inQuote = true
        inner.blockGap = theme.paragraphSpacing * 0.8
        let frameX = context.x, frameWidth = context.width
        let background = theme.quoteBackground, accent = theme.accent
        let outer = context.decorate
        inner.decorate = { height, above in
            (outer?(height, above) ?? []) + [
                .rect(RectItem(rect: Rect(x: frameX, y: -above, width: frameWidth, height: height + above), fill: background)),
                .rect(RectItem(rect: Rect(x: frameX, y: -above, width: bar, height: height + above), fill: accent)),
            ]
        }
        addSpacer(pad, in: inner, spaceBefore: spaceBefore, keepWithNext: true, opensFrame: true)
        try flow(blocks, in: inner)
        addSpacer(pad, in: inner, spaceBefore: 0, keepWithNext: false)
    }
}
