// Reads a `timeline` fence (a `use:` with overrides, or an inline spec) into a checked Timeline.
import FolioDisplay
import FolioModel

/// Turns a timeline fence plus the briefing's `timelines` specs into a `Timeline`, or a positioned error.
enum TimelineLoader {
    /// Keys of a timeline spec, in a data file or inline in a fence.
    static let specKeys = ["title", "caption", "lanes", "categories", "events", "from", "to", "height", "dates"]
    /// Keys a fence with `use:` may add.
    static let overrideKeys = ["use", "title", "caption", "lanes", "from", "to", "height", "dates", "where"]
    /// Events one timeline may hold (bounds what input can make us allocate).
    static let maximumEvents = 1_000_000

    /// Loads the timeline a fence names or holds.
    static func load(_ chart: ChartBlock, data: DataSet) throws -> Timeline {
        let body = try YAMLParsing.parse(chart.body, file: chart.bodyLocation.file, lineOffset: chart.bodyLocation.line - 1)
        guard case .mapping = body.node else { throw body.error("a timeline fence holds YAML keys such as 'use: ID'") }
        let usesSpec = try body.mapping().contains { (try? $0.key.string()) == "use" }
        guard usesSpec else {
            let fields = try body.fields("an inline timeline", allowed: specKeys)
            return try timeline(fields, what: "the inline timeline").clippedToBounds()
        }
        let fence = try body.fields("a timeline fence with 'use:'", allowed: overrideKeys)
        let use = try fence.required("use")
        let id = try use.string("a timeline id")
        guard let spec = data.timelines[id] else {
            throw use.error("no timeline '\(id)' in the data files",
                            hints: Suggestions.hint(for: id, in: Array(data.timelines.keys)))
        }
        var loaded = try timeline(try spec.value.fields("timeline '\(id)'", allowed: specKeys), what: "timeline '\(id)'")
        try applyOverrides(fence, to: &loaded)
        return loaded.clippedToBounds()
    }

    /// How many events the timeline a fence names holds, counted without loading them; nil for an
    /// inline timeline or a fence that does not load.
    static func eventCount(_ chart: ChartBlock, data: DataSet) -> Int? {
        guard let body = try? YAMLParsing.parse(chart.body, file: chart.bodyLocation.file, lineOffset: chart.bodyLocation.line - 1),
              let fence = try? body.fields("a timeline fence", allowed: overrideKeys), let id = try? fence["use"]?.string("a timeline id"),
              let spec = data.timelines[id], let fields = try? spec.value.fields("timeline '\(id)'", allowed: specKeys) else { return nil }
        return (try? fields["events"]?.sequence("the events"))?.count
    }

    /// Reads a whole spec: title, lanes, categories, events, bounds.
    static func timeline(_ fields: YAMLFields, what: String) throws -> Timeline {
        let declaredLanes = try fields["lanes"].map { try laneNames($0) }
        let categoryValue = fields["categories"]
        var categories = try categoryValue.map { try TimelineLoader.categories($0) } ?? []
        let eventValues = try fields["events"]?.sequence("the events") ?? []
        guard eventValues.count <= maximumEvents else {
            throw fields.owner.error("\(what) has \(eventValues.count) events; at most \(maximumEvents) are allowed")
        }

        var laneOrder = declaredLanes ?? []
        var laneIndex = Dictionary(laneOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var categoryIndex = Dictionary(categories.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var unnamedLaneUsed = false
        var events: [TimelineEvent] = []
        events.reserveCapacity(eventValues.count)
        for value in eventValues {
            let raw = try event(value)
            var lane = -1
            if let name = raw.lane {
                if let index = laneIndex[name.text] {
                    lane = index
                } else if declaredLanes != nil {
                    throw name.value.error("unknown lane '\(name.text)'", hints: Suggestions.hint(for: name.text, in: laneOrder))
                } else {
                    lane = laneOrder.count
                    laneIndex[name.text] = lane
                    laneOrder.append(name.text)
                }
            } else {
                unnamedLaneUsed = true
            }
            var category: Int?
            if let name = raw.category {
                if let index = categoryIndex[name.text] {
                    category = index
                } else if categoryValue != nil {
                    throw name.value.error("unknown category '\(name.text)'",
                                           hints: Suggestions.hint(for: name.text, in: categories.map(\.id)))
                } else {
                    category = categories.count
                    categoryIndex[name.text] = categories.count
                    categories.append(TimelineCategory(id: name.text, label: name.text, color: palette(categories.count)))
                }
            }
            events.append(TimelineEvent(when: raw.when, label: raw.label, lane: lane, category: category,
                                        note: raw.note, emphasis: raw.emphasis))
        }
        // Events without a lane share an unnamed lane, drawn first.
        let shift = unnamedLaneUsed ? 1 : 0
        if unnamedLaneUsed { laneOrder.insert("", at: 0) }
        for index in events.indices { events[index].lane += shift }

        let from = try fields["from"].map { try date($0) }
        let to = try fields["to"].map { try date($0) }
        try checkBounds(from: from, to: to, toValue: fields["to"])
        if events.isEmpty, from == nil || to == nil {
            throw fields.owner.error("\(what) has no events", hints: ["add 'events:', or give both 'from' and 'to' to draw an empty axis"])
        }
        return Timeline(title: try fields["title"]?.string("a title"), caption: try fields["caption"]?.string("a caption"),
                        lanes: laneOrder, categories: categories, events: events, from: from, to: to,
                        height: try fields["height"].map { try height($0) }, showsDates: try fields["dates"]?.bool() ?? true)
    }

    /// Applies a fence's overrides (`title`, `caption`, `lanes`, `from`, `to`, `height`, `dates`) to a loaded spec.
    static func applyOverrides(_ fence: YAMLFields, to timeline: inout Timeline) throws {
        if let value = fence["title"] { timeline.title = try value.string("a title") }
        if let value = fence["caption"] { timeline.caption = try value.string("a caption") }
        if let value = fence["height"] { timeline.height = try height(value) }
        if let value = fence["dates"] { timeline.showsDates = try value.bool() }
        if let value = fence["where"] { try applyWhere(value, to: &timeline) }
        if let value = fence["from"] { timeline.from = try date(value) }
        if let value = fence["to"] { timeline.to = try date(value) }
        if fence["from"] != nil || fence["to"] != nil {
            try checkBounds(from: timeline.from, to: timeline.to, toValue: fence["to"] ?? fence["from"])
        }
        if let value = fence["lanes"] {
            let known = timeline.lanes.filter { !$0.isEmpty }
            var newIndex: [Int: Int] = [:]
            var order: [String] = []
            for (item, name) in zip(try value.sequence("a list of lanes", allowSingle: true), try laneNames(value)) {
                guard let old = timeline.lanes.firstIndex(of: name), !name.isEmpty else {
                    throw item.error("unknown lane '\(name)'", hints: Suggestions.hint(for: name, in: known))
                }
                newIndex[old] = order.count
                order.append(name)
            }
            timeline.lanes = order
            timeline.events = timeline.events.compactMap { event in
                guard let lane = newIndex[event.lane] else { return nil }
                var moved = event
                moved.lane = lane
                return moved
            }
        }
    }

    static func checkBounds(from: ISODate?, to: ISODate?, toValue: YAMLValue?) throws {
        guard let from, let to, let toValue else { return }
        if to < from { throw toValue.error("the timeline's 'to' (\(to)) is before its 'from' (\(from))") }
    }

    static func laneNames(_ value: YAMLValue) throws -> [String] {
        var seen: Set<String> = []
        return try value.sequence("a list of lanes", allowSingle: true).map { item in
            let name = try item.string("a lane name")
            guard !name.isEmpty else { throw item.error("a lane name is empty") }
            guard seen.insert(name).inserted else { throw item.error("lane '\(name)' is listed twice") }
            return name
        }
    }

    static func height(_ value: YAMLValue) throws -> Double {
        let text = try value.string("a height such as 80mm")
        guard let points = Length.points(text), points > 0, points <= 14_400 else {
            throw value.error("'\(text)' is not a valid height", hints: ["use a number with mm, cm, in, pt or px, e.g. 80mm"])
        }
        return points
    }
}

extension Timeline {
    /// Drops events wholly outside `from`…`to` (spans that cross a bound are kept and drawn clipped).
    func clippedToBounds() -> Timeline {
        guard from != nil || to != nil else { return self }
        let low = from.map { Double($0.dayNumber) } ?? -.infinity
        let high = to.map { Double(CalendarMath.endDay(of: $0)) } ?? .infinity
        var copy = self
        copy.events = events.filter { event in
            switch event.when {
            case .point: return event.startDay >= low && event.startDay < high
            case .span: return event.endDay > low && event.startDay < high
            }
        }
        return copy
    }
}
