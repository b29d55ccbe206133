import FolioDisplay
import FolioModel

/// Lists and block quotes: blocks flowed in a narrower context, with markers or a pull-quote frame.
extension BlockFlow {
    /// The narrowest text measure nesting may leave (points).
    static let minimumNestedWidth = 108.0

    func addList(_ list: ListBlock, in context: Context, spaceBefore: Double, depth: Int) throws {
        let style = context.inQuote ? theme.quote : theme.body
        let markers = list.items.indices.map { index -> String in
            list.ordered ? "\(list.start + index)." : ["•", "◦", "▪"][depth % 3]
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
