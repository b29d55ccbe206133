// Where each event's mark and text go horizontally, and which row they take: first fit, by priority.
import FolioDisplay

/// An event's mark and text positioned horizontally; its row says where it goes vertically.
struct PlacedEvent {
    enum Shape {
        /// A marker centred on `x`.
        case point(x: Double, radius: Double)
        /// A bar from `start` to `end`.
        case bar(start: Double, end: Double)
    }

    var event: Int
    var lane: Int
    /// First row taken, and how many (2 when a note goes under the label).
    var row: Int
    var height: Int
    var shape: Shape
    var label: TextLine
    var labelX: Double
    var note: TextLine?
    var noteX: Double
}

/// Packs a timeline's events into rows per lane, emphasised events first, so no two extents touch.
struct EventPlacement {
    let timeline: Timeline
    let scale: TimeScale
    let style: TimelineStyle
    let width: Double
    let measurer: TextMeasuring
    /// Measured options per event, kept across packing passes so each label is measured once.
    let cache: CandidateCache

    init(timeline: Timeline, scale: TimeScale, style: TimelineStyle, width: Double, measurer: TextMeasuring) {
        self.timeline = timeline
        self.scale = scale
        self.style = style
        self.width = width
        self.measurer = measurer
        // Smaller timelines measure every label (all shaped ahead where the measurer can), so need no
        // estimate. The choice depends on the timeline alone, so every measurer places alike.
        let measuresAll = timeline.events.count <= TimelineLayout.labelsShapedAheadLimit
        self.cache = CandidateCache(estimator: measuresAll ? nil : WidthEstimate(measurer: measurer, lang: style.theme.lang))
    }

    /// Options already measured, by event index, and the width estimator (whose cache grows as it is used).
    final class CandidateCache {
        var options: [Int: [Candidate]] = [:]
        let estimator: WidthEstimate?
        init(estimator: WidthEstimate?) { self.estimator = estimator }
    }

    /// A horizontal option for an item: its full extent and where its text lines start.
    struct Candidate {
        var start, end, labelX, noteX: Double
        var label: TextLine
        var note: TextLine?
    }

    /// Places every event it can within `capacities[lane]` rows; the rest are left out (counted by the caller).
    ///
    /// Order: emphasised events first, then by the x where their mark starts, then as written; each takes
    /// the lowest row where one of its options is free. Deterministic; the sort is O(n log n).
    func place(capacities: [Int]) -> [PlacedEvent] {
        struct Entry { var event: Int; var anchor: Double; var emphasis: Bool; var shape: PlacedEvent.Shape }
        var entries: [Entry] = []
        entries.reserveCapacity(timeline.events.count)
        for (index, event) in timeline.events.enumerated() {
            let shape = self.shape(of: event)
            let anchor: Double
            switch shape {
            case .point(let x, let radius): anchor = x - radius
            case .bar(let start, _): anchor = start
            }
            entries.append(Entry(event: index, anchor: anchor, emphasis: event.emphasis, shape: shape))
        }
        entries.sort { a, b in
            if a.emphasis != b.emphasis { return a.emphasis }
            if a.anchor != b.anchor { return a.anchor < b.anchor }
            return a.event < b.event
        }
        var packers = capacities.map { RowPacker(gap: style.itemGap, capacity: $0) }
        // Per lane: while anchors stay below this x (in the same priority pass), every row is known to be blocked.
        var blocked = Array(repeating: (emphasis: true, until: -Double.infinity), count: timeline.lanes.count)
        var placed: [PlacedEvent] = []
        for entry in entries {
            let event = timeline.events[entry.event]
            let lane = event.lane
            if blocked[lane].emphasis == entry.emphasis, entry.anchor < blocked[lane].until { continue }
            if let until = packers[lane].blockedUntil(entry.anchor) {
                blocked[lane] = (entry.emphasis, until)
                continue
            }
            if let item = lowestRow(for: entry.event, shape: entry.shape, packer: &packers[lane]) {
                placed.append(item)
            }
        }
        return placed
    }

    /// Puts one event in the lowest row where one of its options is free, or returns nil.
    ///
    /// Rows whose free stretch could not hold even the estimated text are passed over without measuring,
    /// so dense inputs measure only labels that have a chance.
    func lowestRow(for index: Int, shape: PlacedEvent.Shape, packer: inout RowPacker) -> PlacedEvent? {
        let event = timeline.events[index]
        let height = event.note == nil ? 1 : 2
        let mark = extent(of: shape)
        let roomInChart = max(width - mark.end - style.textPad, mark.start - style.textPad, mark.inside)
        var needed: Double?
        var options: [Candidate]?
        var row = 0
        while row + height <= packer.capacity {
            defer { row += 1 }
            guard let free = packer.room(row: row, height: height, start: mark.start, end: mark.end) else { continue }
            let room = max(min(free.high, width) - mark.end - style.textPad, mark.start - style.textPad - max(free.low, 0), mark.inside)
            if needed == nil {
                // Text wider than any room in the chart gets shortened to fit, so the estimate cannot rule rows out.
                let estimate = cache.estimator?.lowerBound(labelSpans(event)) ?? 0
                needed = estimate <= roomInChart ? estimate : 0
            }
            guard room >= needed ?? 0 else { continue }
            if options == nil {
                options = cache.options[index] ?? candidates(for: event, shape: shape)
                cache.options[index] = options
            }
            for option in options ?? [] where option.start >= free.low && option.end <= free.high {
                packer.occupy(row: row, height: height, start: option.start, end: option.end)
                return PlacedEvent(event: index, lane: event.lane, row: row, height: height, shape: shape, label: option.label,
                                   labelX: option.labelX, note: option.note, noteX: option.noteX)
            }
        }
        return nil
    }

    /// The mark of an event: a marker at its date, or a bar over its span clipped to the axis (at least 2 pt).
    func shape(of event: TimelineEvent) -> PlacedEvent.Shape {
        switch event.when {
        case .point:
            return .point(x: scale.x(event.startDay), radius: event.emphasis ? style.emphasisRadius : style.markerRadius)
        case .span:
            var start = max(scale.left, scale.x(event.startDay)), end = min(scale.right, scale.x(event.endDay))
            if end - start < 2 {
                let middle = min(max((start + end) / 2, scale.left + 1), scale.right - 1)
                start = middle - 1
                end = middle + 1
            }
            return .bar(start: start, end: end)
        }
    }

    /// The horizontal extent of a mark, and the room inside it for text (negative for markers).
    func extent(of shape: PlacedEvent.Shape) -> (start: Double, end: Double, inside: Double) {
        switch shape {
        case .point(let x, let radius): return (x - radius, x + radius, -1)
        case .bar(let start, let end): return (start, end, end - start - 2 * style.textPad)
        }
    }

    /// The label's runs: the date at its precision (muted), then the label.
    func labelSpans(_ event: TimelineEvent) -> [TextSpan] {
        let labelStyle = event.emphasis ? style.emphasisLabel : style.label
        guard timeline.showsDates else { return [TextSpan(event.label, style: labelStyle)] }
        return [TextSpan(event.dateText + " ", style: style.date), TextSpan(event.label, style: labelStyle)]
    }

    /// Options in order of preference: text right of the mark, left of it, inside a bar; shortened if none fits.
    func candidates(for event: TimelineEvent, shape: PlacedEvent.Shape) -> [Candidate] {
        let lang = style.theme.lang
        let label = measurer.measureLine(labelSpans(event), lang: lang)
        let note = event.note.map { measurer.measureLine([TextSpan($0, style: style.note)], lang: lang) }
        let textWidth = max(label.width, note?.width ?? 0)
        let pad = style.textPad
        // Mark extent, and the room for text on each side (and inside, for bars).
        let (markStart, markEnd, inside) = extent(of: shape)
        let rightRoom = width - markEnd - pad, leftRoom = markStart - pad
        func right(_ label: TextLine, _ note: TextLine?) -> Candidate {
            let x = markEnd + pad
            return Candidate(start: markStart, end: x + max(label.width, note?.width ?? 0), labelX: x, noteX: x,
                             label: label, note: note)
        }
        func left(_ label: TextLine, _ note: TextLine?) -> Candidate {
            let edge = markStart - pad
            return Candidate(start: edge - max(label.width, note?.width ?? 0), end: markEnd, labelX: edge - label.width,
                             noteX: edge - (note?.width ?? 0), label: label, note: note)
        }
        func within(_ label: TextLine, _ note: TextLine?) -> Candidate {
            Candidate(start: markStart, end: markEnd, labelX: markStart + pad, noteX: markStart + pad, label: label, note: note)
        }
        if textWidth <= inside { return [within(label, note)] }
        var options: [Candidate] = []
        if textWidth <= rightRoom { options.append(right(label, note)) }
        if textWidth <= leftRoom { options.append(left(label, note)) }
        if !options.isEmpty { return options }
        // Nothing fits whole: shorten the text for the widest room.
        let room = max(inside, rightRoom, leftRoom)
        guard let short = TextFitting.fitted(labelSpans(event), maxWidth: room, measurer: measurer, lang: lang) else { return [] }
        var shortNote: TextLine?
        if let text = event.note {
            shortNote = TextFitting.fitted([TextSpan(text, style: style.note)], maxWidth: room, measurer: measurer, lang: lang)
        }
        if room == inside { return [within(short, shortNote)] }
        return [room == rightRoom ? right(short, shortNote) : left(short, shortNote)]
    }
}
