import FolioDisplay
import FolioModel

/// The contents list: one clickable entry per heading down to the layout's depth, with page numbers.
struct TableOfContents {
    let theme: Theme
    let measurer: TextMeasuring
    let lang: String

    /// Units for the contents, given each heading's page number (nil while not yet known).
    func units(for headings: [HeadingMark], pages: [String: String]) -> [FlowUnit] {
        let layout = theme.layout
        let entries = headings.filter { $0.level <= layout.tocDepth }
        guard !entries.isEmpty else { return [] }
        var units: [FlowUnit] = []
        let titleStyle = theme.heading(level: 1)
        let titleLine = measurer.measureLine([TextSpan(layout.tocTitle, style: titleStyle)], lang: lang)
        var titleUnit = FlowUnit(height: titleStyle.font.size * 2.6, items: DisplayItem.tagged(StructureElement(.h1), [
            .text(TextItem(origin: Point(x: 0, y: titleStyle.font.size * 1.2), line: titleLine)),
        ]))
        titleUnit.keepWithNext = true
        titleUnit.canBreakAfter = false
        units.append(titleUnit)

        let numberWidth = measurer.width(of: "0000", style: theme.body)
        let looks = entries.map { look(of: $0, numberWidth: numberWidth) }
        // A dry run's title widths follow an estimated number width: it breaks titles with the
        // estimate alone, so as not to ask for widths the real run never uses.
        let titles: TextMeasuring = measurer.estimatesOnly ? FixedAdvanceMeasurer() : measurer
        titles.shapeAhead(zip(entries, looks).flatMap { entry, look -> [TextRequest] in
            [.paragraph(look.title, width: look.width),
             .line([TextSpan(pages[entry.anchor] ?? "000", style: look.style)], lang: lang)]
        })
        for (entry, look) in zip(entries, looks) {
            let style = look.style, indent = look.indent
            let lines = titles.breakLines(look.title, width: look.width)
            let lineHeight = theme.lineHeight(style, leading: 1.3)
            let spaceBefore = entry.level == 1 ? style.font.size * 0.7 : style.font.size * 0.15
            var items: [DisplayItem] = []
            var y = 0.0
            for line in lines {
                items.append(.text(TextItem(origin: Point(x: indent, y: y + line.ascent + (lineHeight - line.height) / 2), line: line)))
                y += lineHeight
            }
            let baseline = y - lineHeight + (lines.last.map { $0.ascent + (lineHeight - $0.height) / 2 } ?? 0)
            let number = pages[entry.anchor] ?? "000"
            let numberLine = measurer.measureLine([TextSpan(number, style: style)], lang: lang)
            let numberX = layout.contentWidth - numberLine.width
            items.append(.text(TextItem(origin: Point(x: numberX, y: baseline), line: numberLine)))
            let leaderStart = indent + (lines.last?.width ?? 0) + 6
            if numberX - 6 > leaderStart {
                items += DisplayItem.artifact([.line(LineItem(from: Point(x: leaderStart, y: baseline), to: Point(x: numberX - 6, y: baseline),
                                                              stroke: Stroke(color: theme.muted.withAlpha(0.7), width: 0.8, dash: [0.8, 3])))])
            }
            items.append(.link(LinkItem(rect: Rect(x: indent, y: 0, width: layout.contentWidth - indent, height: y),
                                        target: .anchor(entry.anchor), label: "\(entry.title), page \(number)")))
            var unit = FlowUnit(height: y, spaceBefore: spaceBefore, items: DisplayItem.tagged(StructureElement(.tableOfContentsItem), items))
            unit.keepWithNext = false
            units.append(unit)
        }
        units[1].items.insert(.structure(.begin(StructureElement(.tableOfContents))), at: 0)
        units[units.count - 1].items.append(.structure(.end))
        return units
    }

    /// An entry's style, indent, title and the width its title may take.
    private func look(of entry: HeadingMark, numberWidth: Double) -> (style: TextStyle, indent: Double, title: StyledParagraph, width: Double) {
        var style = theme.body
        if entry.level == 1 {
            style.font.family = theme.layout.heading.family
            style.font.weight = 700
        }
        let indent = Double(entry.level - 1) * style.font.size * 1.6
        let title = StyledParagraph(spans: [TextSpan(entry.title, style: style)], lang: lang)
        return (style, indent, title, theme.layout.contentWidth - indent - numberWidth - 8)
    }
}
