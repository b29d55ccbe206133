// Reading one event, one date and the categories of a timeline spec.
import FolioDisplay
import FolioModel

extension TimelineLoader {
    /// Keys an event may have.
    static let eventKeys = ["date", "from", "to", "label", "lane", "category", "note", "emphasis"]

    /// A name as written, with its node for errors.
    struct Name {
        var text: String
        var value: YAMLValue
    }

    /// An event's values by key (in `eventKeys` order), nil when absent or null.
    struct EventFields {
        var owner: YAMLValue
        var slots: [YAMLValue?]

        subscript(key: String) -> YAMLValue? {
            guard let index = TimelineLoader.eventKeys.firstIndex(of: key) else { return nil }
            return slots[index]
        }

        func required(_ key: String) throws -> YAMLValue {
            guard let value = self[key] else { throw owner.error("missing required key '\(key)'") }
            return value
        }
    }

    /// An event as written, before its lane and category are resolved.
    struct RawEvent {
        var when: TimelineEvent.When
        var label: String
        var lane: Name?
        var category: Name?
        var note: String?
        var emphasis: Bool
    }

    /// Reads one event. Walks the mapping directly (no keyed table): data files may hold 100,000 events.
    static func event(_ value: YAMLValue) throws -> RawEvent {
        guard case .mapping(let mapping) = value.node else { throw value.error("expected an event (a mapping), found \(value.kindName)") }
        var slots = [YAMLValue?](repeating: nil, count: eventKeys.count)
        for (keyNode, valueNode) in mapping {
            let key = value.wrap(keyNode)
            let name = try key.string("a key")
            guard let slot = eventKeys.firstIndex(of: name) else {
                throw key.error("unknown key '\(name)' in an event", hints: Suggestions.hint(for: name, in: eventKeys))
            }
            if slots[slot] != nil { throw key.error("duplicate key '\(name)' in an event") }
            let child = value.wrap(valueNode)
            slots[slot] = child.isNull ? nil : child
        }
        let fields = EventFields(owner: value, slots: slots)
        let when: TimelineEvent.When
        switch (fields["date"], fields["from"], fields["to"]) {
        case (let date?, nil, nil):
            when = .point(try TimelineLoader.date(date))
        case (nil, let from?, let to?):
            let start = try date(from), end = try date(to)
            guard !(end < start) else { throw to.error("the event's 'to' (\(end)) is before its 'from' (\(start))") }
            when = .span(start, end)
        case (let date?, _, _):
            throw date.error("an event has either 'date' (a point) or 'from' and 'to' (a span), not both")
        case (nil, let from?, nil):
            throw from.error("a span needs 'to' as well as 'from'")
        case (nil, nil, let to?):
            throw to.error("a span needs 'from' as well as 'to'")
        case (nil, nil, nil):
            throw value.error("an event needs 'date' (a point) or 'from' and 'to' (a span)")
        }
        let label = try fields.required("label").string("a label")
        func name(_ key: String, _ what: String) throws -> Name? {
            guard let value = fields[key] else { return nil }
            return Name(text: try value.string(what), value: value)
        }
        return RawEvent(when: when, label: label, lane: try name("lane", "a lane name"),
                        category: try name("category", "a category id"), note: try fields["note"]?.string("a note"),
                        emphasis: try fields["emphasis"]?.bool() ?? false)
    }

    /// An ISO date with its precision; years outside 1–9999 and impossible dates are errors.
    static func date(_ value: YAMLValue) throws -> ISODate {
        let text = try value.string("a date such as 2023-02")
        if let date = fastDate(text) ?? ISODate(parsing: text) { return date }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if let yearPart = parts.first, yearPart.count != 4 || yearPart == "0000",
           yearPart.allSatisfy({ $0.isASCII && $0.isNumber }), !yearPart.isEmpty, parts.count <= 3 {
            throw value.error("date '\(text)' is outside the years 1–9999")
        }
        if text.hasPrefix("-") { throw value.error("date '\(text)' is outside the years 1–9999") }
        throw value.error("invalid date '\(text)'", hints: ["write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2013, 2023-02, 2024-04-18"])
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` read straight from ASCII bytes (the common case of large data files);
    /// nil sends anything else to `ISODate(parsing:)`, which also explains what is wrong.
    static func fastDate(_ text: String) -> ISODate? {
        var fields = [0, 0, 0], digits = [0, 0, 0], field = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                field += 1
                guard field < 3 else { return nil }
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                guard digits[field] < 4 else { return nil }   // no field has more; also bounds the arithmetic
                fields[field] = fields[field] * 10 + Int(byte - UInt8(ascii: "0"))
                digits[field] += 1
            } else {
                return nil
            }
        }
        guard digits[0] == 4, (1...9999).contains(fields[0]) else { return nil }
        switch field {
        case 0: return ISODate(year: fields[0], precision: .year)
        case 1:
            guard digits[1] == 2, (1...12).contains(fields[1]) else { return nil }
            return ISODate(year: fields[0], month: fields[1], precision: .month)
        default:
            guard digits[1] == 2, digits[2] == 2, (1...12).contains(fields[1]),
                  fields[2] >= 1, fields[2] <= ISODate.daysIn(month: fields[1], year: fields[0]) else { return nil }
            return ISODate(year: fields[0], month: fields[1], day: fields[2], precision: .day)
        }
    }

    /// `categories: { id: { label: "…", color: "#rrggbb" } }` in legend order.
    static func categories(_ value: YAMLValue) throws -> [TimelineCategory] {
        try value.mapping("the categories (id: { label, color })").enumerated().map { index, pair in
            let id = try pair.key.string("a category id")
            if pair.value.isNull { return TimelineCategory(id: id, label: id, color: palette(index)) }
            let fields = try pair.value.fields("category '\(id)'", allowed: ["label", "color", "colour"])
            var color = palette(index)
            if let written = fields["color"] ?? fields["colour"] {
                let text = try written.string("a colour such as '#1f6feb'")
                guard let parsed = Color(hex: text) else {
                    throw written.error("'\(text)' is not a colour", hints: ["write '#rrggbb' or '#rgb' in quotes, e.g. \"#1f6feb\""])
                }
                color = parsed
            }
            return TimelineCategory(id: id, label: try fields["label"]?.string("a label") ?? id, color: color)
        }
    }

    /// Default category colours, distinct and legible on white.
    static func palette(_ index: Int) -> Color {
        let colors = ["#1f6feb", "#8250df", "#1a7f37", "#bc4c00", "#bf3989", "#0e7490", "#9a6700", "#cf222e"]
        return Color(hex: colors[index % colors.count]) ?? .black
    }
}
