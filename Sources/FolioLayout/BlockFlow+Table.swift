import FolioDisplay
import FolioModel

/// Tables: measured column widths, rows as unbreakable units, the header repeated on each page.
extension BlockFlow {
    /// Rows sampled when sizing columns (bounds the cost of huge tables).
    static let columnSampleRows = 200

    func addTable(_ table: TableBlock, in context: Context) {
        let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return }
        let pad = 5.0
        let headerSpans = (0..<columnCount).map { column -> [TextSpan] in
            column < table.header.count ? styler.spans(table.header[column], base: theme.tableHeaderCell) : []
        }
        let rowSpans = table.rows.map { row in
            (0..<columnCount).map { column -> [TextSpan] in
                column < row.count ? styler.spans(row[column], base: theme.tableCell) : []
            }
        }
        let widths = columnWidths(header: headerSpans, rows: rowSpans, count: columnCount, available: context.width, pad: pad)
        // The cells at their final widths, shaped ahead together. A dry run's widths are estimates: it
        // breaks its cells with the estimate alone, so as not to ask for widths the real run never uses.
        let cells: TextMeasuring = measurer.estimatesOnly ? FixedAdvanceMeasurer() : measurer
        cells.shapeAhead(([headerSpans] + rowSpans).flatMap { row in
            row.indices.compactMap { column in
                row[column].isEmpty ? nil : .paragraph(cellParagraph(row[column]), width: widths[column] - 2 * pad)
            }
        })
        let alignments = (0..<columnCount).map { $0 < table.alignments.count ? table.alignments[$0] : .left }

        var headerUnit = rowUnit(headerSpans, widths: widths, alignments: alignments, pad: pad, x: context.x, measurer: cells,
                                 fill: theme.tableHeader, ruleColor: theme.accent, ruleWidth: 0.9, header: true)
        headerUnit.spaceBefore = theme.paragraphSpacing * 1.2
        headerUnit.keepWithNext = true
        let anchor: DisplayItem? = table.id.map { .anchor(AnchorItem(name: $0, point: Point(x: context.x, y: 0))) }
        headerUnit.canBreakAfter = false
        var repeated = headerUnit
        repeated.spaceBefore = 0
        repeated.items = DisplayItem.artifact(Self.unmarked(headerUnit.items))  // drawn again, read once
        let tableStart = units.count
        headerUnit.items = DisplayItem.tagged(StructureElement(.tableHead), headerUnit.items)
        if let anchor { headerUnit.items.insert(anchor, at: 0) }
        units.append(headerUnit)
        let header = RepeatedHeader(unit: repeated)
        for (index, row) in rowSpans.enumerated() {
            var unit = rowUnit(row, widths: widths, alignments: alignments, pad: pad, x: context.x, measurer: cells,
                               fill: index % 2 == 1 ? theme.tableStripe : nil, ruleColor: theme.rule, ruleWidth: 0.5)
            unit.repeatedHeader = header
            if index == 0 { unit.items.insert(.structure(.begin(StructureElement(.tableBody))), at: 0) }
            if index == rowSpans.count - 1 { unit.items.append(.structure(.end)) }
            units.append(unit)
        }
        if table.caption != nil || table.id != nil {
            tableCount += 1
        }
        if let caption = table.caption {
            var label = theme.caption
            label.font.weight = 700
            let spans = [TextSpan("Table \(tableCount). ", style: label), TextSpan(caption, style: theme.caption)]
            let lines = measurer.breakLines(StyledParagraph(spans: spans, alignment: .left, lang: lang),
                                            width: context.width)
            var inner = context
            inner.decorate = nil
            let start = units.count
            addLines(lines, style: theme.caption, in: inner, spaceBefore: 4, leading: 1.3)
            tag(StructureElement(.caption), from: start)
            if start > 0, start < units.count { units[start - 1].canBreakAfter = false }
        }
        tag(StructureElement(.table), from: tableStart)
    }

    /// Column widths as CSS automatic table layout sets them: each column's minimum content width
    /// (its longest word) and maximum content width (its longest cell on one line). When every
    /// column fits at its maximum, the spare width is shared in proportion to it; otherwise every
    /// column gets its minimum, and what is left goes first to the columns that need little more
    /// to fit whole (short cells stay on one line), the rest shared among the long ones.
    func columnWidths(header: [[TextSpan]], rows: [[[TextSpan]]], count: Int, available: Double, pad: Double) -> [Double] {
        var maximum = [Double](repeating: 2 * pad, count: count)
        var minimum = [Double](repeating: 2 * pad, count: count)
        let sample = [header] + rows.prefix(Self.columnSampleRows)
        for row in sample {
            for (column, spans) in row.enumerated() where !spans.isEmpty {
                maximum[column] = max(maximum[column], measurer.measureLine(spans, lang: lang).width + 2 * pad)
                for span in spans {
                    for word in span.text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                        let key = TextSpan(String(word), style: span.style)
                        let width = tableWordWidths[key] ?? measurer.measureLine([key], lang: lang).width
                        tableWordWidths[key] = width
                        minimum[column] = max(minimum[column], width + 2 * pad)
                    }
                }
            }
        }
        // One very long word (a URL) may not take more than a third of the table.
        minimum = minimum.map { min($0, max(available / 3, available / Double(count))) }
        for column in 0..<count { maximum[column] = max(maximum[column], minimum[column]) }
        return Self.distribute(minimum: minimum, maximum: maximum, available: available)
    }

    /// Widths from minimum and maximum content widths within `available` (see `columnWidths`).
    static func distribute(minimum: [Double], maximum: [Double], available: Double) -> [Double] {
        let maximumTotal = maximum.reduce(0, +), minimumTotal = minimum.reduce(0, +)
        if maximumTotal <= available {
            let extra = available - maximumTotal
            return maximum.map { $0 + extra * $0 / max(maximumTotal, 1) }
        }
        // Words must break: columns keep their share of the minimum, broken at hyphenation points.
        if minimumTotal >= available { return minimum.map { $0 * available / max(minimumTotal, 1) } }
        // Water-filling of the slack (maximum - minimum): a column whose slack is within the fair
        // share gets all of it; the others share the rest in proportion to their slack.
        var widths = minimum
        var remaining = available - minimumTotal
        var open = Set(minimum.indices)
        var changed = true
        while changed, !open.isEmpty {
            changed = false
            let fair = remaining / Double(open.count)
            for column in open.sorted() where maximum[column] - minimum[column] <= fair {
                widths[column] = maximum[column]
                remaining -= maximum[column] - minimum[column]
                open.remove(column)
                changed = true
            }
        }
        let openSlack = open.reduce(0) { $0 + maximum[$1] - minimum[$1] }
        for column in open { widths[column] += remaining * (maximum[column] - minimum[column]) / max(openSlack, 1) }
        return widths
    }

    func cellParagraph(_ spans: [TextSpan]) -> StyledParagraph {
        // Words too long for their column break at hyphenation points only.
        StyledParagraph(spans: spans, alignment: .left, lang: lang, hyphenate: theme.layout.hyphenate)
    }

    /// One table row as a unit: optional fill, cell lines, and a rule under it.
    func rowUnit(_ cells: [[TextSpan]], widths: [Double], alignments: [TableBlock.Alignment], pad: Double, x: Double,
                 measurer: TextMeasuring, fill: Color?, ruleColor: Color, ruleWidth: Double, header: Bool = false) -> FlowUnit {
        var cellLines: [[TextLine]] = []
        var height = 0.0
        for (column, spans) in cells.enumerated() {
            let lines = spans.isEmpty ? [] : measurer.breakLines(cellParagraph(spans), width: widths[column] - 2 * pad)
            cellLines.append(lines)
            let lineHeight = theme.lineHeight(theme.tableCell, leading: 1.3)
            height = max(height, lines.reduce(0) { $0 + max(lineHeight, $1.height) })
        }
        height += 2 * pad
        let totalWidth = widths.reduce(0, +)
        var items: [DisplayItem] = []
        if let fill { items += DisplayItem.artifact([.rect(RectItem(rect: Rect(x: x, y: 0, width: totalWidth, height: height), fill: fill))]) }
        items.append(.structure(.begin(StructureElement(.tableRow))))
        var cellX = x
        for (column, lines) in cellLines.enumerated() {
            items.append(.structure(.begin(header ? StructureElement(.tableHeader, scope: .column) : StructureElement(.tableCell))))
            defer { items.append(.structure(.end)) }
            var y = pad
            for line in lines {
                let lineHeight = max(theme.lineHeight(theme.tableCell, leading: 1.3), line.height)
                var lineX = cellX + pad
                switch alignments[column] {
                case .left: if line.rightToLeft { lineX = cellX + widths[column] - pad - line.width }
                case .center: lineX = cellX + (widths[column] - line.width) / 2
                case .right: lineX = cellX + widths[column] - pad - line.width
                }
                items += Self.textItems(line, origin: Point(x: lineX, y: y + (lineHeight - line.height) / 2 + line.ascent))
                y += lineHeight
            }
            cellX += widths[column]
        }
        items.append(.structure(.end))
        items += DisplayItem.artifact([.line(LineItem(from: Point(x: x, y: height), to: Point(x: x + totalWidth, y: height),
                                                      stroke: Stroke(color: ruleColor, width: ruleWidth)))])
        return FlowUnit(height: height, items: items)
    }
}
