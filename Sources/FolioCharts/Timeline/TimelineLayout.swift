// Timeline layout: sizes the chart, packs labels into rows per lane, and builds the scene top to bottom.
import FolioDisplay

/// Lays out a `Timeline` in a frame: title, legend, lanes with their events, then the time axis.
///
/// Height: the fence's `height` when given, else what the rows need (at least the frame's preferred
/// height), never more than the frame's maximum nor, unless the fence asks, 1.45 × the width. When the rows do not fit, rows are shared out among
/// lanes and the events that fall below are hidden, counted in a "+N more" note, and still shown as
/// ticks in each lane's event strip.
struct TimelineLayout {
    let timeline: Timeline
    let frame: ChartFrame
    let style: TimelineStyle
    let measurer: TextMeasuring

    /// Vertical spacing, in points.
    static let titleGap = 5.0, legendGap = 6.0, bandPadTop = 3.0, bandPadBottom = 3.0, laneNameGap = 1.0
    static let tickLength = 4.0, axisLabelGap = 2.0, stripHeight = 6.0
    /// Without a fence height, the chart grows to at most this many times its width.
    static let tallestAspect = 1.45

    init(timeline: Timeline, frame: ChartFrame, theme: ChartTheme, measurer: TextMeasuring) {
        self.timeline = timeline
        self.frame = frame
        self.style = TimelineStyle(theme: theme, measurer: measurer)
        self.measurer = measurer
    }

    var width: Double { frame.width }
    var lang: String { style.theme.lang }

    /// The time range shown and its mapping onto the chart's width.
    func makeScale() -> TimeScale {
        var low = Double.infinity, high = -Double.infinity
        for event in timeline.events {
            low = min(low, event.startDay)
            high = max(high, event.endDay)
        }
        let fixedStart = timeline.from.map { Double($0.dayNumber) }
        let fixedEnd = timeline.to.map { Double(CalendarMath.endDay(of: $0)) }
        if low > high {
            // No events in range: show the bounds given, or a year from the one bound given.
            low = fixedStart ?? (fixedEnd ?? 366) - 365
            high = fixedEnd ?? low + 365
        }
        let domain = TimeScale.domain(low: low, high: high, fixedStart: fixedStart, fixedEnd: fixedEnd)
        return TimeScale(start: domain.start, end: domain.end, left: style.sideMargin, right: max(style.sideMargin + 1, width - style.sideMargin))
    }

    /// Timelines up to this many events have every label measured (shaped ahead where the measurer
    /// can); larger ones measure only labels whose estimated width could fit somewhere.
    static let labelsShapedAheadLimit = 500

    /// Lays out everything into a scene.
    func layout() -> TimelineScene {
        let scale = makeScale()
        let axis = TimeAxis.make(scale: scale, width: width, style: style.axis, contextStyle: style.axisContext,
                                 measurer: measurer, lang: lang)
        let title = titleLines()
        let legend = legendRows()
        let laneName = style.lineHeight(style.laneName, measurer: measurer)
        let namedLanes = timeline.lanes.map { !$0.isEmpty }
        let lanesOverhead = namedLanes.reduce(0.0) { total, named in
            total + TimelineLayout.bandPadTop + TimelineLayout.bandPadBottom + (named ? laneName.height + TimelineLayout.laneNameGap : 0)
        }
        let fixed = title.height + legend.height + lanesOverhead + axisHeight(axis)

        let plan = self.plan(fixed: fixed, scale: scale)
        let (height, rows, placed, truncated) = (plan.height, plan.rows, plan.placed, plan.truncated)

        var scene = TimelineScene(size: Size(width: width, height: height))
        scene.interval = axis.interval
        scene.hiddenCount = timeline.events.count - placed.count
        if let background = style.theme.background {
            scene.background.append(.rect(RectItem(rect: Rect(x: 0, y: 0, width: width, height: height), fill: background)))
        }
        var y = 0.0
        for line in title.lines {
            scene.labels.append(.init(item: TextItem(origin: Point(x: 0, y: y + line.ascent), line: line), owner: nil))
            y += line.height
        }
        if !title.lines.isEmpty { y += TimelineLayout.titleGap }
        drawLegend(legend, top: y, into: &scene)
        y += legend.height
        let lanesTop = y
        var byLane = Array(repeating: [PlacedEvent](), count: timeline.lanes.count)
        for item in placed { byLane[item.lane].append(item) }
        for lane in timeline.lanes.indices {
            y = drawLane(lane, top: y, rows: rows[lane], slack: plan.slack, strip: truncated, placed: byLane[lane],
                         scale: scale, nameHeight: laneName, into: &scene)
        }
        drawAxis(axis, scale: scale, lanesTop: lanesTop, axisY: y, into: &scene)
        if truncated, scene.hiddenCount > 0 {
            let more = measurer.measureLine([TextSpan("+\(TimelineLayout.grouped(scene.hiddenCount)) more", style: style.more)], lang: lang)
            let baseline = height - more.descent - 1
            scene.labels.append(.init(item: TextItem(origin: Point(x: max(0, width - more.width), y: baseline), line: more), owner: nil))
        }
        return scene
    }

    /// The chart's height, the rows each lane gets, the events that keep their labels, and spare height per lane.
    struct Plan {
        var height: Double
        var rows: [Int]
        var placed: [PlacedEvent]
        /// True when labels had to be dropped: lanes then show their event strips and the chart a "+N more" line.
        var truncated: Bool
        var slack: Double
    }

    /// Packs the events and sizes the chart, given the height of everything but the rows (`fixed`).
    func plan(fixed: Double, scale: TimeScale) -> Plan {
        // Pack with as many rows as the tallest allowed chart could hold. Without a fence height, a dense
        // timeline stops growing at about a page's proportions (1.45 × its width): more rows would not be read.
        let tallest = min(frame.maximumHeight, max(width * TimelineLayout.tallestAspect, frame.preferredHeight ?? 0))
        let limit = min(timeline.height ?? tallest, frame.maximumHeight)
        // Rows are counted with the event strips and the "+N more" line already set aside, so that when
        // labels must be dropped no packed row is lost to them (a chart that just fits loses at most a row).
        let truncationExtras = style.lineHeight(style.more, measurer: measurer).height + 2
            + Double(timeline.lanes.count) * TimelineLayout.stripHeight
        let capacity = max(1, Int(((limit - fixed - truncationExtras) / style.rowHeight).rounded(.down)))
        let placement = EventPlacement(timeline: timeline, scale: scale, style: style, width: width, measurer: measurer)
        // Every label and note shaped ahead (in parallel where the measurer can), as placement asks for them;
        // larger timelines measure only labels whose estimated width could fit, so most are never shaped.
        if timeline.events.count <= TimelineLayout.labelsShapedAheadLimit {
            measurer.shapeAhead(timeline.events.flatMap { event -> [TextRequest] in
                [.line(placement.labelSpans(event), lang: style.theme.lang)]
                    + (event.note.map { [.line([TextSpan($0, style: style.note)], lang: style.theme.lang)] } ?? [])
            })
        }
        var (placed, needed) = pack(placement, capacity: capacity)

        let natural = fixed + Double(needed.reduce(0) { $0 + max($1, 1) }) * style.rowHeight
        var height = timeline.height.map { min($0, frame.maximumHeight) } ?? min(max(natural, frame.preferredHeight ?? 0), limit)
        var rows = needed.map { max($0, 1) }
        let truncated = natural > height + 0.001 || placed.count < timeline.events.count
        let extras = truncated ? truncationExtras : 0
        if truncated {
            let available = max(0, Int(((height - fixed - extras) / style.rowHeight).rounded(.down)))
            rows = TimelineLayout.shareRows(available, needed: needed)
            placed = placed.filter { $0.row + $0.height <= rows[$0.lane] }
            // Only when even the fixed parts do not fit the maximum does the chart exceed it.
            height = max(height, fixed + extras + Double(rows.reduce(0, +)) * style.rowHeight)
        }
        let used = fixed + extras + Double(rows.reduce(0, +)) * style.rowHeight
        let slack = max(0, height - used) / Double(max(1, timeline.lanes.count))
        return Plan(height: height, rows: rows, placed: placed, truncated: truncated, slack: slack)
    }

    /// Packs lanes into `capacity` rows in all: an even share each first, then rows a lane leaves unused go
    /// to lanes that still had labels left over, which are packed again (measurements are cached).
    func pack(_ placement: EventPlacement, capacity: Int) -> (placed: [PlacedEvent], needed: [Int]) {
        let lanes = timeline.lanes.count
        var eventsPerLane = Array(repeating: 0, count: lanes)
        for event in timeline.events { eventsPerLane[event.lane] += 1 }
        var capacities = TimelineLayout.shareRows(capacity, needed: eventsPerLane.map { $0 > 0 ? Int.max : 0 })
        while true {
            let placed = placement.place(capacities: capacities)
            var needed = Array(repeating: 0, count: lanes), shown = Array(repeating: 0, count: lanes)
            for item in placed {
                needed[item.lane] = max(needed[item.lane], item.row + item.height)
                shown[item.lane] += 1
            }
            let hungry = (0..<lanes).filter { shown[$0] < eventsPerLane[$0] }
            let spare = capacity - (0..<lanes).reduce(0) { $0 + (shown[$1] < eventsPerLane[$1] ? capacities[$1] : needed[$1]) }
            // Ends within lanes + 1 passes: if every hungry lane stays hungry, the spare rows are all used.
            guard !hungry.isEmpty, spare > 0 else { return (placed, needed) }
            var grown = needed
            for lane in hungry { grown[lane] = capacities[lane] }
            let extra = TimelineLayout.shareRows(spare, needed: (0..<lanes).map { hungry.contains($0) ? Int.max : 0 })
            for lane in hungry { grown[lane] += extra[lane] }
            if grown == capacities { return (placed, needed) }
            capacities = grown
        }
    }

    /// Shares `available` rows among lanes: one each in turn until every lane has what it needs or none are left.
    static func shareRows(_ available: Int, needed: [Int]) -> [Int] {
        var rows = Array(repeating: 0, count: needed.count)
        var left = available
        var progress = true
        while left > 0, progress {
            progress = false
            for lane in needed.indices where left > 0 && rows[lane] < needed[lane] {
                rows[lane] += 1
                left -= 1
                progress = true
            }
        }
        return rows
    }

    /// 12345 → "12,345".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
