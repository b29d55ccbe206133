import FolioDisplay
import FolioModel

/// The cover: an accent panel holding title and subtitle, then date and authors.
struct CoverPage {
    let theme: Theme
    let measurer: TextMeasuring
    let metadata: Metadata

    func items(pageSize: Size) -> [DisplayItem] {
        let layout = theme.layout
        let left = layout.margins.left, width = layout.contentWidth
        let panelHeight = pageSize.height * 0.46
        var items: [DisplayItem] = [
            .rect(RectItem(rect: Rect(x: 0, y: 0, width: pageSize.width, height: panelHeight), fill: theme.accent)),
            .rect(RectItem(rect: Rect(x: 0, y: panelHeight, width: pageSize.width, height: 5),
                           fill: theme.accent.mixed(with: .black, amount: 0.35))),
        ]
        let white = Color.white
        let family = layout.heading.family
        let kicker = TextStyle(font: FontSpec(family: family, size: 10, weight: 700), color: white.withAlpha(0.8))
        let title = TextStyle(font: FontSpec(family: family, size: min(34, layout.body.size * 3.3), weight: 700), color: white)
        let subtitle = TextStyle(font: FontSpec(family: family, size: min(17, layout.body.size * 1.6), weight: 400), color: white.withAlpha(0.92))

        var blocks: [(TextStyle, String, Double)] = [(kicker, "BRIEFING", 1.6)]
        blocks.append((title, metadata.title, 1.15))
        if let sub = metadata.subtitle { blocks.append((subtitle, sub, 1.3)) }
        // Stack the title block upward from the panel's bottom edge.
        var laidOut: [(TextLine, Double, Int)] = []
        for (index, (style, text, leading)) in blocks.enumerated() {
            let lines = measurer.breakLines(StyledParagraph(spans: [TextSpan(text, style: style)], alignment: .left,
                                                            lang: metadata.lang), width: width)
            for (lineIndex, line) in lines.enumerated() {
                let gap = lineIndex == 0 && index > 0 ? style.font.size * 0.5 : 0
                laidOut.append((line, style.font.size * leading + gap, index))
            }
        }
        let blockHeight = laidOut.reduce(0) { $0 + $1.1 }
        var y = panelHeight - layout.margins.bottom * 0.9 - blockHeight
        // Tagged: the kicker and subtitle as paragraphs, the title as the first heading.
        for (offset, (line, advance, block)) in laidOut.enumerated() {
            y += advance
            if offset == 0 || laidOut[offset - 1].2 != block {
                items.append(.structure(.begin(StructureElement(block == 1 ? .h1 : .paragraph))))
            }
            items.append(.text(TextItem(origin: Point(x: left, y: y - line.descent), line: line)))
            if offset == laidOut.count - 1 || laidOut[offset + 1].2 != block { items.append(.structure(.end)) }
        }

        let meta = TextStyle(font: FontSpec(family: family, size: layout.body.size * 1.1, weight: 400), color: theme.text)
        let label = TextStyle(font: FontSpec(family: family, size: layout.body.size * 0.8, weight: 700), color: theme.muted)
        var metaY = panelHeight + 52
        var rows: [(String, String)] = []
        if let date = metadata.displayDate { rows.append(("DATE", date)) }
        if !metadata.authors.isEmpty { rows.append((metadata.authors.count == 1 ? "AUTHOR" : "AUTHORS", metadata.authors.joined(separator: ", "))) }
        for (name, value) in rows {
            let labelLine = measurer.measureLine([TextSpan(name, style: label)], lang: metadata.lang)
            items.append(.structure(.begin(StructureElement(.paragraph))))
            items.append(.text(TextItem(origin: Point(x: left, y: metaY), line: labelLine)))
            let valueLines = measurer.breakLines(StyledParagraph(spans: [TextSpan(value, style: meta)], lang: metadata.lang), width: width)
            for line in valueLines {
                metaY += meta.font.size * 1.45
                items.append(.text(TextItem(origin: Point(x: left, y: metaY), line: line)))
            }
            items.append(.structure(.end))
            metaY += meta.font.size * 2.2
        }
        return items
    }
}
