// The timeline model: events on a proportional time axis, in lanes, coloured by category.
import FolioDisplay
import FolioModel

/// A checked timeline, ready to lay out: what the `timelines` spec and the fence say together.
struct Timeline: Sendable {
    /// Heading drawn at the top of the chart, if any.
    var title: String?
    /// Caption under the figure (the document adds "Figure N.").
    var caption: String?
    /// Lanes top to bottom. The empty name is the lane of events that name none (drawn without a name).
    var lanes: [String]
    /// Categories in legend order.
    var categories: [TimelineCategory]
    /// Events in the order written.
    var events: [TimelineEvent]
    /// Axis bounds; nil fits the events.
    var from: ISODate?
    var to: ISODate?
    /// A fixed height in points from the fence, if any.
    var height: Double?
    /// Whether each label starts with the event's date ("Feb 2023"). Default true.
    var showsDates: Bool = true
}

/// A category of events: legend text and colour.
struct TimelineCategory: Hashable, Sendable {
    var id: String
    var label: String
    var color: Color
}

/// One event: a point in time or a span, with its label and styling.
struct TimelineEvent: Hashable, Sendable {
    /// A point (`date`) or a span (`from`/`to`, both inclusive at their precision).
    enum When: Hashable, Sendable {
        case point(ISODate)
        case span(ISODate, ISODate)
    }

    var when: When
    var label: String
    /// Index into `Timeline.lanes`.
    var lane: Int
    /// Index into `Timeline.categories`, or nil for the default colour.
    var category: Int?
    var note: String?
    var emphasis: Bool

    /// First day covered (days since 0001-01-01).
    var startDay: Double {
        switch when {
        case .point(let date): return Double(date.dayNumber)
        case .span(let from, _): return Double(from.dayNumber)
        }
    }

    /// Day just after the last day covered (a point covers nothing: its end is its start).
    var endDay: Double {
        switch when {
        case .point(let date): return Double(date.dayNumber)
        case .span(_, let to): return Double(CalendarMath.endDay(of: to))
        }
    }

    /// The date as readers see it, at its precision: "Feb 2023", "18 Apr – 25 Sep 2024".
    var dateText: String {
        switch when {
        case .point(let date): return CalendarMath.format(date)
        case .span(let from, let to): return CalendarMath.formatRange(from, to)
        }
    }
}
