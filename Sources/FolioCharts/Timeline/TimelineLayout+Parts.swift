// Drawing the timeline's parts: title, legend, lanes with their events and strips, and the axis.
import FolioDisplay

extension TimelineLayout {
    /// The title broken to the chart's width (each line also shortened if a single word is too wide).
    func titleLines() -> (lines: [TextLine], height: Double) {
        guard let title = timeline.title, !title.isEmpty else { return ([], 0) }
        let paragraph = StyledParagraph(spans: [TextSpan(title, style: style.title)], lang: lang)
        let lines = measurer.breakLines(paragraph, width: width).compactMap { line -> TextLine? in
            line.width <= width ? line : TextFitting.fitted(line.spans, maxWidth: width, measurer: measurer, lang: lang)
        }
        return (lines, lines.reduce(0) { $0 + $1.height } + TimelineLayout.titleGap)
    }

    /// One legend entry: its category's colour and its measured label, at an x within its row.
    struct LegendEntry {
        var color: Color
        var label: TextLine
        var x: Double
        var row: Int
    }

    static let swatchRadius = 3.5, swatchPad = 4.0, legendSpacing = 12.0

    /// Legend entries for the categories in use, wrapped into rows.
    func legendRows() -> (entries: [LegendEntry], height: Double) {
        var used = Array(repeating: false, count: timeline.categories.count)
        for event in timeline.events { if let category = event.category { used[category] = true } }
        var entries: [LegendEntry] = []
        var x = 0.0, row = 0
        let swatch = 2 * TimelineLayout.swatchRadius + TimelineLayout.swatchPad
        for (index, category) in timeline.categories.enumerated() where used[index] {
            guard let label = TextFitting.fitted([TextSpan(category.label, style: style.legend)], maxWidth: width - swatch,
                                                 measurer: measurer, lang: lang) else { continue }
            if x > 0, x + swatch + label.width > width { x = 0; row += 1 }
            entries.append(LegendEntry(color: category.color, label: label, x: x, row: row))
            x += swatch + label.width + TimelineLayout.legendSpacing
        }
        guard !entries.isEmpty else { return ([], 0) }
        let line = style.lineHeight(style.legend, measurer: measurer)
        return (entries, Double(row + 1) * (line.height + 2) + TimelineLayout.legendGap)
    }

    func drawLegend(_ legend: (entries: [LegendEntry], height: Double), top: Double, into scene: inout TimelineScene) {
        let line = style.lineHeight(style.legend, measurer: measurer)
        let radius = TimelineLayout.swatchRadius
        for entry in legend.entries {
            let rowTop = top + Double(entry.row) * (line.height + 2)
            let center = Point(x: entry.x + radius, y: rowTop + line.height / 2)
            scene.marks.append(.init(bounds: Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius),
                                     owner: nil, item: circle(center, radius: radius, fill: entry.color, stroke: nil)))
            let origin = Point(x: entry.x + 2 * radius + TimelineLayout.swatchPad, y: rowTop + line.ascent)
            scene.labels.append(.init(item: TextItem(origin: origin, line: entry.label), owner: nil))
        }
    }

    /// Draws one lane's band, name, events and (when labels were hidden) its event strip; returns the band's bottom.
    func drawLane(_ lane: Int, top: Double, rows: Int, slack: Double, strip: Bool, placed: [PlacedEvent], scale: TimeScale,
                  nameHeight: (ascent: Double, height: Double), into scene: inout TimelineScene) -> Double {
        let name = timeline.lanes[lane]
        var y = top + TimelineLayout.bandPadTop
        var nameLine: TextLine?
        if !name.isEmpty {
            nameLine = TextFitting.fitted([TextSpan(name, style: style.laneName)], maxWidth: width - 3, measurer: measurer, lang: lang)
            y += nameHeight.height + TimelineLayout.laneNameGap
        }
        let rowsTop = y
        y += Double(rows) * style.rowHeight
        let stripTop = y
        if strip { y += TimelineLayout.stripHeight }
        let bottom = y + TimelineLayout.bandPadBottom + slack
        if timeline.lanes.count > 1, lane % 2 == 0 {
            let fill = style.theme.rule.mixed(with: .white, amount: 0.72)
            scene.background.append(.rect(RectItem(rect: Rect(x: 0, y: top, width: width, height: bottom - top), fill: fill)))
        }
        if let nameLine {
            let origin = Point(x: 3, y: top + TimelineLayout.bandPadTop + nameHeight.ascent)
            scene.labels.append(.init(item: TextItem(origin: origin, line: nameLine), owner: nil))
        }
        for item in placed { drawEvent(item, rowsTop: rowsTop, into: &scene) }
        if strip { drawStrip(lane, top: stripTop, scale: scale, into: &scene) }
        return bottom
    }

    /// The mark, label and note of one placed event.
    func drawEvent(_ item: PlacedEvent, rowsTop: Double, into scene: inout TimelineScene) {
        let event = timeline.events[item.event]
        let rowTop = rowsTop + Double(item.row) * style.rowHeight
        let color = event.category.map { timeline.categories[$0].color } ?? style.theme.accent
        let middle = rowTop + style.rowHeight / 2
        switch item.shape {
        case .point(let x, let radius):
            let stroke = event.emphasis ? Stroke(color: style.theme.text, width: 1.2) : nil
            let reach = radius + (stroke?.width ?? 0) / 2
            scene.marks.append(.init(bounds: Rect(x: x - reach, y: middle - reach, width: 2 * reach, height: 2 * reach),
                                     owner: item.event, item: circle(Point(x: x, y: middle), radius: radius, fill: color, stroke: stroke)))
        case .bar(let start, let end):
            let strokeWidth = event.emphasis ? 1.5 : 0.8
            let rect = Rect(x: start, y: rowTop + 1.5, width: end - start, height: style.rowHeight - 3)
            let bar = RectItem(rect: rect, fill: color.withAlpha(event.emphasis ? 0.38 : 0.22),
                               stroke: Stroke(color: color, width: strokeWidth), cornerRadius: 2)
            let half = strokeWidth / 2
            scene.marks.append(.init(bounds: Rect(x: rect.x - half, y: rect.y - half, width: rect.width + strokeWidth,
                                                  height: rect.height + strokeWidth), owner: item.event, item: .rect(bar)))
        }
        let gapAbove = (style.rowHeight - style.labelHeight) / 2
        let baseline = rowTop + gapAbove + style.labelAscent
        scene.labels.append(.init(item: TextItem(origin: Point(x: item.labelX, y: baseline), line: item.label), owner: item.event))
        if let note = item.note {
            let noteBaseline = rowTop + style.rowHeight + gapAbove + style.noteAscent
            scene.labels.append(.init(item: TextItem(origin: Point(x: item.noteX, y: noteBaseline), line: note), owner: item.event))
        }
    }

    /// Every event of a lane as a thin tick (or line, for spans), merged per half point: all events stay visible.
    func drawStrip(_ lane: Int, top: Double, scale: TimeScale, into scene: inout TimelineScene) {
        var seen = Set<Int>()
        let stroke = Stroke(color: style.theme.muted.withAlpha(0.7), width: 0.6)
        for event in timeline.events where event.lane == lane {
            let start = max(scale.left, scale.x(event.startDay)), end = min(scale.right, scale.x(event.endDay))
            let key = Int((start * 2).rounded()) * 100_000 + Int(((end - start) * 2).rounded())
            guard seen.insert(key).inserted else { continue }
            if end - start < 1 {
                scene.background.append(.line(LineItem(from: Point(x: start, y: top + 1), to: Point(x: start, y: top + TimelineLayout.stripHeight - 1), stroke: stroke)))
            } else {
                scene.background.append(.line(LineItem(from: Point(x: start, y: top + 3), to: Point(x: end, y: top + 3), stroke: Stroke(color: stroke.color, width: 2))))
            }
        }
    }

    func circle(_ center: Point, radius: Double, fill: Color, stroke: Stroke?) -> DisplayItem {
        .path(PathItem(elements: [.arc(center: center, radius: radius, start: 0, end: 2 * Double.pi), .close], fill: fill, stroke: stroke))
    }
}
