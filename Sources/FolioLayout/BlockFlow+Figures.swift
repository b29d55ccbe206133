import FolioCharts
import FolioDisplay
import FolioModel

/// Figures: images and charts, each one unbreakable unit with a numbered caption below.
extension BlockFlow {
    func addImage(_ block: ImageBlock, in context: Context) {
        let image = block.image
        let caption = block.caption.isEmpty ? nil : block.caption
        guard image.isDrawable else {
            // A placeholder box with the alternative text: the width asked for, else a third of the line.
            let width = ImagePlacement.requestedWidth(image, available: context.width) ?? min(context.width, max(context.width / 3, 160))
            let size = Size(width: width, height: max(48, min(width * 0.4, 120)))
            let x = context.x + (context.width - width) / 2
            let items = ImagePlacement(theme: theme).placeholder(image, size: size, x: x, measurer: measurer, lang: lang)
            addFigure(items, height: size.height, caption: nil, alt: image.alt, in: context)
            return
        }
        let size = ImagePlacement.figureSize(image, width: context.width, maximumHeight: theme.layout.contentHeight * 0.8)
        let x = context.x + (context.width - size.width) / 2
        let rect = Rect(x: x, y: 0, width: size.width, height: size.height)
        let pictureItemCount = addFigure([.image(ImagePlacement.item(image, in: rect))], height: size.height, caption: caption,
                                         alt: image.alt, in: context, id: image.id)
        // A picture with no text in it: it may be set smaller where that keeps a page from stopping short.
        units[units.count - 1].picture = PicturePart(items: pictureItemCount, height: size.height, minimumScale: Self.pictureMinimumScale)
    }

    /// How small an image figure's picture may be set (see `PicturePart`).
    static let pictureMinimumScale = 0.75

    func addChart(_ chart: ChartBlock, in context: Context) throws {
        let captionRoom = theme.lineHeight(theme.caption) * 3
        let frame = ChartFrame(width: context.width, preferredHeight: nil,
                               maximumHeight: theme.layout.contentHeight - captionRoom, firstPage: chartPages[chart.id])
        let drawing: ChartDrawing
        if let cached = chartCache[chart.id] {
            drawing = cached
        } else {
            drawing = try ChartLayout.layout(chart, data: briefing.data, frame: frame, theme: theme.chartTheme(lang: lang),
                                             measurer: measurer, plans: chartPlans)
            if drawing.continuations.isEmpty { chartCache[chart.id] = drawing }
        }
        let size = drawing.drawing.size
        let scale = size.width > context.width ? context.width / size.width : 1
        let x = context.x + (context.width - size.width * scale) / 2
        let group = DisplayItem.group(GroupItem(origin: Point(x: x, y: 0), scale: scale, items: drawing.drawing.items))
        // Described once per pass, and not at all in the dry run that only measures.
        let alt = measurer.estimatesOnly ? "" : chartDescriptions[chart.id] ?? ChartDescription.text(for: chart, data: briefing.data)
        chartDescriptions[chart.id] = alt
        addFigure([group], height: size.height * scale, caption: drawing.caption, alt: alt, in: context, id: chart.id)
        if theme.layout.pdfDataTables, !measurer.estimatesOnly, let table = ChartDataTable.make(for: chart, data: briefing.data) {
            units[units.count - 1].items += Self.structureOnly(table)
        }
        if !drawing.continuations.isEmpty { units[units.count - 1].splitChartID = chart.id }
        let number = figureCount
        for (index, part) in drawing.continuations.enumerated() {
            let partScale = part.size.width > context.width ? context.width / part.size.width : 1
            let partAlt = "Figure \(number), continued (part \(index + 2) of \(drawing.continuations.count + 1)): \(alt)"
            var unit = FlowUnit(height: part.size.height * partScale, items: DisplayItem.tagged(StructureElement(.figure, alt: partAlt), [
                .group(GroupItem(origin: Point(x: context.x, y: 0), scale: partScale, items: part.items)),
            ]))
            unit.breakBefore = true
            units.append(unit)
        }
    }

    /// `table` as structure marks alone (Table, THead/TBody, TR, TH/TD with their text): in a tagged
    /// PDF's tree, read by screen readers, and drawn nowhere.
    static func structureOnly(_ table: ChartDataTable) -> [DisplayItem] {
        func row(_ cells: [String], header: Bool) -> [DisplayItem] {
            DisplayItem.tagged(StructureElement(.tableRow), cells.flatMap { cell in
                DisplayItem.tagged(header ? StructureElement(.tableHeader, scope: .column, actualText: cell)
                                          : StructureElement(.tableCell, actualText: cell), [])
            })
        }
        var body = table.rows.flatMap { row($0, header: false) }
        if table.truncated {
            body += row(["(the first \(table.rows.count) rows)"] + Array(repeating: "", count: max(0, table.header.count - 1)), header: false)
        }
        return DisplayItem.tagged(StructureElement(.table), DisplayItem.tagged(StructureElement(.tableHead), row(table.header, header: true))
                                  + DisplayItem.tagged(StructureElement(.tableBody), body))
    }

    /// A figure unit: the items, then "Figure N. caption" beneath, never split. Returns how many of
    /// the unit's items come before the caption.
    @discardableResult
    func addFigure(_ items: [DisplayItem], height: Double, caption: String?, alt: String, in context: Context, id: String? = nil) -> Int {
        figureCount += 1
        var all = DisplayItem.tagged(StructureElement(.figure, alt: alt), items)
        // Cross-references (`[](#id)`) land here.
        if let id { all.insert(.anchor(AnchorItem(name: id, point: Point(x: context.x, y: 0))), at: 0) }
        let pictureItemCount = all.count
        var total = height
        if let caption {
            var label = theme.caption
            label.font.weight = 700
            let spans = [TextSpan("Figure \(figureCount). ", style: label), TextSpan(caption, style: theme.caption)]
            let lines = measurer.breakLines(StyledParagraph(spans: spans, alignment: .center, lang: lang), width: context.width)
            total += theme.caption.font.size * 0.6
            all.append(.structure(.begin(StructureElement(.caption))))
            for line in lines {
                let lineHeight = theme.lineHeight(theme.caption, leading: 1.3)
                let x = context.x + (context.width - line.width) / 2
                all += Self.textItems(line, origin: Point(x: x, y: total + line.ascent))
                total += lineHeight
            }
            all.append(.structure(.end))
        }
        units.append(FlowUnit(height: total, spaceBefore: theme.paragraphSpacing * 1.4, items: all))
        return pictureItemCount
    }
}
