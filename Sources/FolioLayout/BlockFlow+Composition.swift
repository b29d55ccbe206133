import FolioDisplay
import FolioModel

/// The body's top level as the page composer sees it: units marked as floats, spanning the
/// columns, on turned pages, or citing footnotes; and each footnote's own lines.
extension BlockFlow {
    /// The layout's own orientation.
    var layoutOrientation: PageOrientation {
        theme.layout.pageWidth > theme.layout.pageHeight ? .landscape : .portrait
    }

    /// Text area of a turned page: the layout's width and height swapped.
    var turnedContentWidth: Double { theme.layout.turnedContentWidth }
    var turnedContentHeight: Double { theme.layout.turnedContentHeight }

    /// Flows the body's top-level blocks, one by one, marking what the composer needs.
    func flowBody(_ blocks: [Block]) throws {
        let layout = theme.layout
        let columns = Context(x: 0, width: layout.columnWidth, blockGap: theme.paragraphSpacing)
        let full = Context(x: 0, width: layout.contentWidth, blockGap: theme.paragraphSpacing)
        let turnedPage = Context(x: 0, width: turnedContentWidth, blockGap: theme.paragraphSpacing)
        let multiColumn = layout.columns > 1
        var turned = false
        for (index, block) in blocks.enumerated() {
            switch block.kind {
            case .turn(let orientation):
                turned = orientation != layoutOrientation
                continue
            case .footnote(let note):
                footnoteUnits[note.number] = try noteUnits(note)
                continue
            default: break
            }
            let blockTurned = block.placement.orientation.map { $0 != layoutOrientation } ?? turned
            let start = units.count
            let counters = (figureCount, tableCount, headingNumbers)
            var context = blockTurned ? turnedPage : (multiColumn ? columns : full)
            if multiColumn, !blockTurned, spansAlways(block) { context = full }
            try flow(block, in: context, first: index == 0)
            if multiColumn, !blockTurned, context.width < full.width, spansWhenLaidOut(block, from: start) {
                units.removeSubrange(start...)
                (figureCount, tableCount, headingNumbers) = counters
                context = full
                try flow(block, in: context, first: index == 0)
            }
            guard units.count > start else { continue }
            if block.placement.float, isFigure(block), units[start].splitChartID == nil {
                mergeIntoFloat(from: start, pageHeight: blockTurned ? turnedContentHeight : layout.contentHeight)
            }
            let pageHeight = blockTurned ? turnedContentHeight : layout.contentHeight
            for unitIndex in start..<units.count {
                units[unitIndex].turned = blockTurned
                units[unitIndex].spansColumns = multiColumn && !blockTurned && context.width > columns.width
                if units[unitIndex].height > pageHeight { shrink(unitIndex, to: pageHeight) }
                markFootnotes(unitIndex)
            }
        }
    }

    /// Images, charts and tables: what may float.
    func isFigure(_ block: Block) -> Bool {
        switch block.kind {
        case .image, .chart, .table: return true
        default: return false
        }
    }

    /// Blocks laid out across the columns whatever their size: top-level headings and charts.
    func spansAlways(_ block: Block) -> Bool {
        switch block.kind {
        case .heading(let heading): return heading.level == 1
        case .chart: return true
        case .image(let block):
            let width = ImagePlacement.requestedWidth(block.image, available: theme.layout.contentWidth) ?? block.image.naturalWidth
            return width > theme.layout.columnWidth
        default: return false
        }
    }

    /// Whether a block laid out in a column came out wider than one: a heading needing more than
    /// one line, a table whose cells wrap.
    func spansWhenLaidOut(_ block: Block, from start: Int) -> Bool {
        switch block.kind {
        case .heading: return units.count - start > 1
        case .table:
            let wrapped = theme.lineHeight(theme.tableCell) * 2.2 + 10
            return units[start...].contains { $0.height > wrapped }
        default: return false
        }
    }

    /// Joins the units from `start` into one float: the figure moves as a whole.
    func mergeIntoFloat(from start: Int, pageHeight: Double) {
        // A copy of the few units merged: a slice would keep `units`' buffer shared, and replacing
        // the range below would then copy every unit of the flow (quadratic in a long document:
        // 1 G instructions for the 600 figures of a 296-page manual).
        let parts = Array(units[start...])
        let total = parts.enumerated().reduce(0.0) { $0 + $1.element.height + ($1.offset == 0 ? 0 : $1.element.spaceBefore) }
        guard total <= pageHeight * 0.9 else { return }
        var merged = FlowUnit(height: total, spaceBefore: parts.first?.spaceBefore ?? 0, items: [])
        var y = 0.0
        for (offset, part) in parts.enumerated() {
            if offset > 0 {
                merged.items += part.gapItems.map { $0.translated(dx: 0, dy: y + part.spaceBefore) }
                y += part.spaceBefore
            }
            merged.items += part.items.map { $0.translated(dx: 0, dy: y) }
            merged.headings += part.headings
            merged.footnotes += part.footnotes
            y += part.height
        }
        merged.gapItems = parts.first?.gapItems ?? []
        if parts.count == 1 { merged.picture = parts.first?.picture }
        merged.floats = true
        units.replaceSubrange(start..., with: [merged])
    }

    /// Scales a unit taller than its page down to fit (a figure on a turned page).
    func shrink(_ index: Int, to height: Double) {
        let scale = height / units[index].height
        let width = units[index].spansColumns ? theme.layout.contentWidth : turnedContentWidth
        units[index].items = [.group(GroupItem(origin: Point(x: width * (1 - scale) / 2, y: 0), scale: scale, items: units[index].items))]
        units[index].height = height
        units[index].picture = nil  // its items are one group now
    }

    /// Records the footnotes a unit cites, and anchors the first citation of each for the way back.
    func markFootnotes(_ index: Int) {
        var extra: [DisplayItem] = []
        for item in units[index].items {
            guard case .link(let link) = item, case .anchor(let name) = link.target,
                  name.hasPrefix(Self.footnotePrefix), let number = Int(name.dropFirst(Self.footnotePrefix.count)) else { continue }
            if !units[index].footnotes.contains(number) { units[index].footnotes.append(number) }
            if citedFootnotes.insert(number).inserted {
                extra.append(.anchor(AnchorItem(name: Self.footnoteReferencePrefix + String(number),
                                                point: Point(x: link.rect.minX, y: link.rect.minY))))
            }
        }
        units[index].items += extra
    }
}
