import FolioModel

/// A chart's data as a table: a header row, then one row per event, unit or point. A tagged PDF
/// can carry it after the chart as a table of the structure tree only (`pdf: { data-tables: true }`),
/// for readers that want the figures behind a picture; nothing of it is drawn.
public struct ChartDataTable: Hashable, Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Whether rows were left out (a table holds at most `rowLimit`).
    public var truncated = false

    /// The most rows a table holds: a 100,000-point line would bury the reader, and the file.
    public static let rowLimit = 1_000

    /// The table of `chart`, or nil when its data cannot be read (the chart reports that itself).
    public static func make(for chart: ChartBlock, data: DataSet) -> ChartDataTable? {
        var table: ChartDataTable?
        switch chart.kind {
        case .timeline: table = (try? TimelineLoader.load(chart, data: data)).map(timeline)
        case .orgchart: table = (try? OrgRequest.parse(chart, orgs: data.orgs)).map(org)
        case .chart: table = (try? DataChartFence.readOnce(chart, data: data)).map(dataChart)
        }
        guard var table, !table.rows.isEmpty else { return nil }
        if table.rows.count > rowLimit {
            table.rows.removeLast(table.rows.count - rowLimit)
            table.truncated = true
        }
        return table
    }

    static func timeline(_ timeline: Timeline) -> ChartDataTable {
        let lanes = timeline.lanes.count > 1, categories = !timeline.categories.isEmpty
        var header = ["Date", "Event"]
        if lanes { header.append("Lane") }
        if categories { header.append("Category") }
        let rows = timeline.events.sorted { $0.startDay < $1.startDay }.map { event -> [String] in
            var row: [String]
            switch event.when {
            case .point(let date): row = [date.description]
            case .span(let from, let to): row = ["\(from) to \(to)"]
            }
            row.append(event.note.map { "\(event.label) (\($0))" } ?? event.label)
            if lanes { row.append(timeline.lanes.indices.contains(event.lane) ? timeline.lanes[event.lane] : "") }
            if categories { row.append(event.category.map { timeline.categories[$0].label } ?? "") }
            return row
        }
        return ChartDataTable(header: header, rows: rows)
    }

    static func org(_ request: OrgRequest) -> ChartDataTable {
        let forest = OrgForest(request.org, root: request.root, depth: request.depth)
        let diff = request.baseline.map { OrgDiff.compare(request.org, with: $0) }
        var header = ["Unit", "Title", "Reports to"]
        if diff != nil { header.append("Change") }
        let rows = forest.order.map { index -> [String] in
            let node = request.org.nodes[index]
            let boss = node.parent.flatMap { request.org.node($0) }?.name ?? ""
            var row = [node.name, node.title ?? "", boss]
            if let diff {
                let mark = diff.marks[node.id]
                row.append(mark?.added == true ? "added" : mark?.isMoved == true ? "moved" : mark?.isChanged == true ? "renamed or retitled" : "")
            }
            return row
        }
        return ChartDataTable(header: header, rows: rows)
    }

    static func dataChart(_ chart: DataChart) -> ChartDataTable {
        let header = [chart.xTitle ?? "x"] + chart.series.map(\.name)
        let labels = chart.xLabels.count == chart.x.count ? chart.xLabels : chart.x.map(ChartDescription.format)
        let rows = labels.indices.map { index -> [String] in
            [labels[index]] + chart.series.map { series in
                index < series.values.count ? series.values[index].map(ChartDescription.format) ?? "" : ""
            }
        }
        return ChartDataTable(header: header, rows: rows)
    }
}
