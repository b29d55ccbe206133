import Foundation
/// Reads a `chart` fence into a `DataChart`: picks the table (`use:` or inline `data:`), keeps the rows
/// of `where:`, and turns the `x`, `y` and `series` columns into series, with positioned errors.
///
/// ```chart
/// type: bar                 # bar, line, area, scatter
/// use: kpis                 # a data table, or `data:` with rows inline
/// x: metric
/// y: value                  # one column, or a list of columns (one series each)
/// series: region            # optional: one series per value of this column
/// where: { region: EMEA }
/// ```
public enum DataChartFence {
    static let keys = ["type", "use", "data", "x", "y", "series", "where", "stack", "horizontal", "title", "caption", "id",
                       "x-title", "y-title", "size", "color", "labels", "height"]

    /// `read`, once per fence and data set (layout passes read each fence again).
    public static func readOnce(_ chart: ChartBlock, data: DataSet) throws -> DataChart {
        try data.charts.chart(for: chart) { try read(chart, data: data) }
    }

    /// The chart a fence describes, checked against `data`.
    public static func read(_ chart: ChartBlock, data: DataSet) throws -> DataChart {
        let value = try YAMLParsing.parse(chart.body, file: chart.bodyLocation.file, lineOffset: chart.bodyLocation.line - 1)
        let fields = try value.fields("a chart fence", allowed: keys)
        let typeValue = try fields.required("type")
        let typeName = try typeValue.string("a chart type")
        guard let kind = DataChart.Kind(rawValue: typeName) else {
            throw typeValue.error("unknown chart type '\(typeName)'", hints: Suggestions.hint(for: typeName, in: DataChart.Kind.allCases.map(\.rawValue)))
        }
        let table = try source(fields, data: data)
        let reads = data.reads
        var kept = Array(table.rows.indices)
        if let filter = fields["where"] { kept = try table.rows(kept, where: filter, reads: reads) }
        let xValue = try fields.required("x")
        let xColumn = try table.columnIndex(xValue, try xValue.string("a column name"))
        let yValue = try fields.required("y")
        let yColumns = try yValue.sequence("a column name or a list of them", allowSingle: true).map {
            try table.columnIndex($0, try $0.string("a column name"))
        }
        guard !yColumns.isEmpty else { throw yValue.error("'y' names no column") }
        var seriesColumn: Int?
        if let seriesValue = fields["series"] ?? fields["color"] {
            seriesColumn = try table.columnIndex(seriesValue, try seriesValue.string("a column name"))
            if yColumns.count > 1 { throw seriesValue.error("'series' needs a single 'y' column", hints: ["drop 'series' or give 'y' one column"]) }
        }
        let sizeColumn = try fields["size"].map { try table.columnIndex($0, try $0.string("a column name")) }
        for column in [xColumn] + yColumns + [seriesColumn, sizeColumn].compactMap({ $0 }) {
            reads.readColumn(column, of: table)
        }
        kept = kept.filter { !trim(table.rows[$0][xColumn]).isEmpty }
        func number(_ row: Int, _ column: Int) throws -> Double? {
            let text = trim(table.rows[row][column])
            if text.isEmpty { return nil }
            guard let number = DecimalNumber.parse(text), number.isFinite else {
                let at = row < table.rowLocations.count ? table.rowLocations[row] : table.location
                throw Diagnostic.error(at: at, "'\(text)' in column '\(table.columns[column])' of table '\(table.id)' is not a number",
                                       hints: ["leave the cell empty for a gap"])
            }
            return number
        }
        let xTexts = kept.map { trim(table.rows[$0][xColumn]) }
        let xKind = Self.xKind(of: xTexts, kind: kind)
        // x positions: one per row for scatter, else one per distinct x (first appearance, or sorted for numbers and dates).
        var positions: [Double] = [], labels: [String] = [], slotOfRow: [Int] = []
        var slotOfText: [String: Int] = [:]
        slotOfText.reserveCapacity(xTexts.count)
        var categories: [String: Int] = [:]
        for text in xTexts {
            var category = 0
            if xKind == .categories {
                category = categories[text] ?? categories.count
                categories[text] = category
            }
            let position = Self.position(text, kind: xKind, category: category)
            if kind == .scatter {
                slotOfRow.append(positions.count)
                positions.append(position); labels.append(text)
            } else if let slot = slotOfText[text] {
                slotOfRow.append(slot)
            } else {
                slotOfText[text] = positions.count
                slotOfRow.append(positions.count)
                positions.append(position); labels.append(text)
            }
        }
        var order = Array(positions.indices)
        if kind != .scatter, xKind != .categories { order.sort { positions[$0] < positions[$1] } }
        var slotRank = [Int](repeating: 0, count: positions.count)
        for (rank, slot) in order.enumerated() { slotRank[slot] = rank }
        var names: [String] = [], seriesOfName: [String: Int] = [:]
        var values: [[Double?]] = []
        var sizes = [Double?](repeating: nil, count: kind == .scatter ? positions.count : 0)
        func series(_ name: String) -> Int {
            if let index = seriesOfName[name] { return index }
            seriesOfName[name] = names.count
            names.append(name)
            values.append([Double?](repeating: nil, count: positions.count))
            return names.count - 1
        }
        // Without a series column, each y column is a series of its own, known before the rows.
        let seriesOfColumn = seriesColumn == nil ? yColumns.map { series(table.columns[$0]) } : []
        for (index, row) in kept.enumerated() {
            let slot = slotRank[slotOfRow[index]]
            for (place, column) in yColumns.enumerated() {
                let target = seriesColumn.map { series(table.rows[row][$0]) } ?? seriesOfColumn[place]
                guard let y = try number(row, column) else { continue }
                // Several rows at one x and series add up.
                values[target][slot] = (values[target][slot] ?? 0) + y
            }
            if let sizeColumn, kind == .scatter { sizes[slot] = try number(row, sizeColumn) }
        }
        let yTitle = try fields["y-title"]?.string()
        return DataChart(kind: kind, xKind: xKind, x: order.map { positions[$0] }, xLabels: order.map { labels[$0] },
                         series: zip(names, values).map { DataSeries(name: $0, values: $1) }, sizes: sizes,
                         stack: try fields["stack"]?.bool() ?? false, horizontal: try fields["horizontal"]?.bool() ?? false,
                         title: try fields["title"]?.string() ?? table.title, caption: try fields["caption"]?.string(),
                         xTitle: try fields["x-title"]?.string(), yTitle: yTitle,
                         valueLabels: try fields["labels"]?.bool() ?? true, height: try fields["height"]?.double("a height in points"))
    }

    /// `text` without spaces or tabs at its ends (returned as it is, without copying, when it has none).
    static func trim(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
              first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The table a fence draws: `use: ID` or inline `data:` rows (one and only one).
    static func source(_ fields: YAMLFields, data: DataSet) throws -> DataTable {
        switch (fields["use"], fields["data"]) {
        case (let use?, nil):
            let id = try use.string("a table id")
            guard let table = data.tables[id] else {
                throw use.error("no table '\(id)' in the data files", hints: Suggestions.hint(for: id, in: Array(data.tables.keys)))
            }
            data.reads.count(table)
            return table
        case (nil, let rows?):
            return try DataSetLoader.rowsTable(rows, id: "data")
        case (_?, let rows?):
            throw rows.error("a chart takes 'use:' or 'data:', not both")
        case (nil, nil):
            throw fields.owner.error("a chart needs its data: 'use: TABLE' or 'data:' rows", hints: ["use: kpis"])
        }
    }

    /// Dates when every x is a date and one has a month; numbers when every x is a number; else categories.
    /// Bars always stand on categories.
    static func xKind(of texts: [String], kind: DataChart.Kind) -> DataChart.XKind {
        guard kind != .bar, !texts.isEmpty else { return .categories }
        if texts.allSatisfy({ (4...10).contains($0.utf8.count) && $0.utf8.first != UInt8(ascii: "-") }), texts.contains(where: { $0.contains("-") }) {
            let dates = texts.map { ISODate(parsing: $0) }
            if dates.allSatisfy({ $0 != nil }) { return .dates(dates.compactMap { $0?.precision }.max() ?? .day) }
        }
        if texts.allSatisfy({ DecimalNumber.parse($0).map(\.isFinite) ?? false }) { return .numbers }
        return .categories
    }

    static func position(_ text: String, kind: DataChart.XKind, category: Int) -> Double {
        switch kind {
        case .categories: return Double(category)
        case .numbers: return DecimalNumber.parse(text) ?? 0
        case .dates: return Double(ISODate(parsing: text)?.dayNumber ?? 0)
        }
    }
}
