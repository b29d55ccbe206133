import FolioModel

/// Alternative text for a chart, written from its data: what a screen reader reads for the figure
/// (the PDF's `/Alt`) and what an SVG export carries as `<title>` and `<desc>`.
public enum ChartDescription {
    /// Events and org units listed by name up to this many; beyond, only counts.
    static let listLimit = 40

    /// The description of `chart`; a generic sentence when its data cannot be read.
    public static func text(for chart: ChartBlock, data: DataSet) -> String {
        switch chart.kind {
        case .timeline:
            guard let timeline = try? TimelineLoader.load(chart, data: data) else { return "Timeline chart." }
            return timelineText(timeline)
        case .orgchart:
            guard let request = try? OrgRequest.parse(chart, orgs: data.orgs) else { return "Organisation chart." }
            return orgText(request)
        case .chart:
            guard let spec = try? DataChartFence.readOnce(chart, data: data) else { return "Data chart." }
            return dataText(spec)
        }
    }

    /// A short title for the chart (an SVG's `<title>`).
    public static func title(for chart: ChartBlock, data: DataSet) -> String {
        switch chart.kind {
        case .timeline: return (try? TimelineLoader.load(chart, data: data))?.title ?? "Timeline"
        case .orgchart: return (try? OrgRequest.parse(chart, orgs: data.orgs))?.org.title ?? "Organisation chart"
        case .chart: return (try? DataChartFence.readOnce(chart, data: data))?.title ?? "Chart"
        }
    }

    static func timelineText(_ timeline: Timeline) -> String {
        let events = timeline.events.sorted { $0.startDay < $1.startDay }
        let count = events.count
        var text = "Timeline"
        if let title = timeline.title { text += " “\(title)”" }
        text += " of \(count) event\(count == 1 ? "" : "s")"
        let dates = events.flatMap { event -> [ISODate] in
            switch event.when {
            case .point(let date): return [date]
            case .span(let from, let to): return [from, to]
            }
        }
        if let first = dates.min(), let last = dates.max() {
            text += first == last ? ", \(monthYear(first))" : ", \(monthYear(first)) to \(monthYear(last))"
        }
        let lanes = timeline.lanes.filter { !$0.isEmpty }
        if timeline.lanes.count > 1 {
            text += ", in \(number(timeline.lanes.count)) lanes"
            if !lanes.isEmpty { text += " (\(lanes.joined(separator: ", ")))" }
        }
        if !timeline.categories.isEmpty {
            text += "; categories: " + timeline.categories.map(\.label).joined(separator: ", ")
        }
        if count > 0, count <= listLimit {
            text += ". Events: " + events.map { event -> String in
                let when: String
                switch event.when {
                case .point(let date): when = monthYear(date)
                case .span(let from, let to): when = "\(monthYear(from)) to \(monthYear(to))"
                }
                return "\(when), \(event.label)"
            }.joined(separator: "; ")
        }
        return text + "."
    }

    static func orgText(_ request: OrgRequest) -> String {
        let forest = OrgForest(request.org, root: request.root, depth: request.depth)
        let shown = forest.order.count
        var text = "Organisation chart"
        if let title = request.org.title { text += " “\(title)”" }
        text += " of \(shown) unit\(shown == 1 ? "" : "s")"
        if forest.roots.count == 1, let top = forest.roots.first {
            text += " under \(request.org.nodes[top].name)"
        } else if forest.roots.count > 1 {
            text += " under \(forest.roots.count) heads (" + forest.roots.map { request.org.nodes[$0].name }.joined(separator: ", ") + ")"
        }
        if let baseline = request.baseline {
            let diff = OrgDiff.compare(request.org, with: baseline)
            let added = diff.marks.values.filter(\.added).count
            let moved = diff.marks.values.filter(\.isMoved).count
            let renamed = diff.marks.values.filter(\.isChanged).count
            var against = baseline.title ?? baseline.id
            if let date = baseline.date { against = ISODate(parsing: date).map { String($0.year) } ?? date }
            text += "; compared with \(against): \(added) added, \(diff.removed.count) removed, \(moved) moved"
            if renamed > 0 { text += ", \(renamed) renamed or retitled" }
        }
        if shown > 0, shown <= listLimit {
            text += ". " + forest.order.map { index -> String in
                let node = request.org.nodes[index]
                var entry = node.name
                if let title = node.title, !title.isEmpty { entry += ", \(title)" }
                if let parent = node.parent, forest.level[index] > 0, let boss = request.org.node(parent) {
                    entry += " (reports to \(boss.name))"
                }
                return entry
            }.joined(separator: "; ")
        }
        return text + "."
    }

    static func dataText(_ chart: DataChart) -> String {
        let kind: String
        switch chart.kind {
        case .bar: kind = chart.horizontal ? "Horizontal bar chart" : (chart.stack ? "Stacked bar chart" : "Bar chart")
        case .line: kind = "Line chart"
        case .area: kind = chart.stack ? "Stacked area chart" : "Area chart"
        case .scatter: kind = "Scatter chart"
        }
        var text = kind
        if let title = chart.title { text += " “\(title)”" }
        let names = chart.series.map(\.name)
        text += " of \(names.count) series (\(names.joined(separator: ", ")))"
        let labels = chart.xLabels.isEmpty ? chart.x.map { format($0) } : chart.xLabels
        if let first = labels.first, let last = labels.last {
            text += " over \(labels.count) point\(labels.count == 1 ? "" : "s"), \(first) to \(last)"
        }
        if let axis = chart.yTitle { text += "; values: \(axis)" }
        for series in chart.series {
            let values = series.values.compactMap { $0 }
            guard let low = values.min(), let high = values.max() else { continue }
            text += "; \(series.name) from \(format(low)) to \(format(high))"
            if labels.count == series.values.count, labels.count <= 24 {
                text += " (" + zip(labels, series.values).map { "\($0): \($1.map(format) ?? "none")" }.joined(separator: ", ") + ")"
            }
        }
        return text + "."
    }

    static func monthYear(_ date: ISODate) -> String {
        date.precision == .year ? String(date.year) : "\(ISODate.monthNames[max(0, min(11, date.month - 1))]) \(date.year)"
    }

    static func number(_ count: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return count < words.count ? words[count] : String(count)
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let rounded = (value * 100).rounded() / 100
        return String(rounded)
    }
}
