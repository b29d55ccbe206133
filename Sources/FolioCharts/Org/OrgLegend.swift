import FolioDisplay

/// The key to card styles used in a chart: a small card swatch and a label per entry, wrapped in rows.
enum OrgLegend {
    /// Items of the legend for `entries`, laid out from (0, 0) within `width`; returns them and their height.
    /// Swatches are rounded like the chart's cards (square when its cards are).
    static func items(_ entries: [OrgLegendEntry], width: Double, style: OrgStyle, cards: OrgCardMaker,
                      cardRadius: Double) -> ([DisplayItem], Double) {
        guard !entries.isEmpty else { return ([], 0) }
        let unit = style.theme.textSize / 8.5
        let swatch = Size(width: 16 * unit, height: 10 * unit)
        var items: [DisplayItem] = []
        var x = 0.0, y = 0.0, rowHeight = 0.0
        for entry in entries {
            let line = cards.line(entry.label, style.smallStyle)
            let entryWidth = swatch.width + 4 * unit + line.width
            if x > 0, x + entryWidth > width { x = 0; y += rowHeight + 4 * unit; rowHeight = 0 }
            let height = max(swatch.height, line.height)
            let look = self.look(entry, style: style)
            items.append(.rect(RectItem(rect: Rect(x: x, y: y + (height - swatch.height) / 2, width: swatch.width, height: swatch.height),
                                        fill: look.fill.withAlpha(look.faded ? style.fadedAlpha : 1),
                                        stroke: Stroke(color: look.stroke.withAlpha(look.faded ? 0.7 : 1), width: look.strokeWidth, dash: look.dash),
                                        cornerRadius: min(2, cardRadius))))
            items.append(.text(TextItem(origin: Point(x: x + swatch.width + 4 * unit, y: y + (height - line.height) / 2 + line.ascent),
                                        line: line)))
            x += entryWidth + 12 * unit
            rowHeight = max(rowHeight, height)
        }
        return (items, y + rowHeight)
    }

    /// The card look an entry stands for (as `OrgCardMaker` draws it).
    static func look(_ entry: OrgLegendEntry, style: OrgStyle) -> OrgCardLook {
        var look = OrgCardLook(stroke: style.cardStroke, strokeWidth: 1.4, dash: [], fill: .white, faded: false)
        switch entry {
        case .added: look.stroke = OrgStyle.green; look.fill = OrgStyle.green.mixed(with: .white, amount: 0.9)
        case .removed: look.stroke = OrgStyle.red; look.dash = [3, 2]; look.faded = true
        case .moved, .movedStatus: look.stroke = OrgStyle.amber
        case .changed: look.stroke = OrgStyle.purple
        case .new: look.stroke = OrgStyle.green
        case .departed: look.faded = true; look.strokeWidth = 0.8
        case .vacant: look.dash = [3, 2]; look.strokeWidth = 1
        }
        return look
    }
}
