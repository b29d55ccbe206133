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
        // The rows with an x, and their x texts, trimmed once.
        var xTexts: [String] = [], rows: [Int] = []
        xTexts.reserveCapacity(kept.count)
        rows.reserveCapacity(kept.count)
        for row in kept {
            let text = trim(table.rows[row][xColumn])
            if !text.isEmpty { rows.append(row); xTexts.append(text) }
        }
        kept = rows
        let (xKind, xPositions) = Self.xAxis(of: xTexts, kind: kind)
        // Slots: one per row for scatter, else one per distinct x (first appearance, or sorted for numbers and dates).
        let slots = Self.slots(xPositions, labels: xTexts, kind: kind, xKind: xKind)
        let positions = slots.positions, labels = slots.labels, slotOfRow = slots.slotOfRow
        // The slots in x order, and each slot's place in it: nil when they are in order already
        // (the usual series: no identity arrays of every slot).
        var order: [Int]?
        if kind != .scatter, xKind != .categories, !slots.increasing { order = positions.indices.sorted { positions[$0] < positions[$1] } }
        let slotRank = order.map { order in
            var rank = [Int](repeating: 0, count: order.count)
            for (place, slot) in order.enumerated() { rank[slot] = place }
            return rank
        }
        let slotCount = positions.count
        var sizes = [Double?](repeating: nil, count: kind == .scatter ? slotCount : 0)
        var seriesValues = SeriesValues(slotCount: slotCount)
        // Without a series column, each y column is a series of its own, known before the rows.
        let seriesOfColumn = seriesColumn == nil ? yColumns.map { seriesValues.index(of: table.columns[$0]) } : []
        for (index, row) in kept.enumerated() {
            let slot = slotRank?[slotOfRow[index]] ?? slotOfRow[index]
            let cells = table.rows[row]
            for (place, column) in yColumns.enumerated() {
                let target = if let seriesColumn { seriesValues.index(of: cells[seriesColumn]) } else { seriesOfColumn[place] }
                guard let y = try Self.number(cells[column], row: row, column: column, of: table) else { continue }
                seriesValues.add(y, series: target, slot: slot)
            }
            if let sizeColumn, kind == .scatter { sizes[slot] = try Self.number(cells[sizeColumn], row: row, column: sizeColumn, of: table) }
        }
        let yTitle = try fields["y-title"]?.string()
        return DataChart(kind: kind, xKind: xKind, x: order?.map { positions[$0] } ?? positions, xLabels: order?.map { labels[$0] } ?? labels,
                         series: seriesValues.series, sizes: sizes,
                         stack: try fields["stack"]?.bool() ?? false, horizontal: try fields["horizontal"]?.bool() ?? false,
                         title: try fields["title"]?.string() ?? table.title, caption: try fields["caption"]?.string(),
                         xTitle: try fields["x-title"]?.string(), yTitle: yTitle,
                         valueLabels: try fields["labels"]?.bool() ?? true, height: try fields["height"]?.double("a height in points"))
    }

    /// The y values of a chart's series as its rows are read: every series in one array, series
    /// after series (series s at slot i is s × slotCount + i), named in the order they appear.
    struct SeriesValues {
        let slotCount: Int
        private(set) var names: [String] = []
        private var indexOfName: [String: Int] = [:]
        private var values: [Double?] = []

        init(slotCount: Int) { self.slotCount = slotCount }

        /// The index of the series `name`, added (empty) when new.
        mutating func index(of name: String) -> Int {
            if let index = indexOfName[name] { return index }
            indexOfName[name] = names.count
            names.append(name)
            values.append(contentsOf: repeatElement(nil, count: slotCount))
            return names.count - 1
        }

        /// Adds `y` at `slot` of a series: several rows at one x and series add up.
        mutating func add(_ y: Double, series: Int, slot: Int) {
            let at = series * slotCount + slot
            values[at] = (values[at] ?? 0) + y
        }

        var series: [DataSeries] {
            names.indices.map { DataSeries(name: names[$0], values: Array(values[($0 * slotCount)..<(($0 + 1) * slotCount)])) }
        }
    }

    /// The number in a y (or size) cell, nil for an empty one; an error at the cell's row otherwise.
    static func number(_ cell: String, row: Int, column: Int, of table: DataTable) throws -> Double? {
        let text = trim(cell)
        if text.isEmpty { return nil }
        guard let number = DecimalNumber.parse(text), number.isFinite else {
            let at = row < table.rowLocations.count ? table.rowLocations[row] : table.location
            throw Diagnostic.error(at: at, "'\(text)' in column '\(table.columns[column])' of table '\(table.id)' is not a number",
                                   hints: ["leave the cell empty for a gap"])
        }
        return number
    }

    /// `text` without spaces or tabs at its ends (returned as it is, without copying, when it has none).
    static func trim(_ text: String) -> String {
        let padded = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        } ?? true
        return padded ? text.trimmingCharacters(in: .whitespaces) : text
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

    /// What the x texts are, and each one's position, each text read once. Dates (positions are day
    /// numbers) when every x is a date and one has a month; numbers when every x is a number; else
    /// categories (positions are the index of each text's first appearance). Bars always stand on categories.
    static func xAxis(of texts: [String], kind: DataChart.Kind) -> (kind: DataChart.XKind, positions: [Double]) {
        if kind != .bar, !texts.isEmpty {
            if let dates = datePositions(texts) { return dates }
            if let numbers = numberPositions(texts) { return (.numbers, numbers) }
        }
        var categories: [String: Int] = [:]
        let positions = texts.map { text -> Double in
            let category = categories[text] ?? categories.count
            if category == categories.count { categories[text] = category }
            return Double(category)
        }
        return (.categories, positions)
    }

    /// Day numbers and the finest precision when every text is a date and one has a month, else nil.
    static func datePositions(_ texts: [String]) -> (kind: DataChart.XKind, positions: [Double])? {
        guard texts.allSatisfy({ (4...10).contains($0.utf8.count) && $0.utf8.first != UInt8(ascii: "-") }),
              texts.contains(where: { $0.utf8.contains(UInt8(ascii: "-")) }) else { return nil }
        var positions: [Double] = []
        positions.reserveCapacity(texts.count)
        var precision = ISODate.Precision.year
        for text in texts {
            guard let date = ISODate(parsing: text) else { return nil }
            precision = max(precision, date.precision)
            positions.append(Double(date.dayNumber))
        }
        return (.dates(precision), positions)
    }

    /// The numbers the texts spell, when every one is a finite number, else nil.
    static func numberPositions(_ texts: [String]) -> [Double]? {
        var positions: [Double] = []
        positions.reserveCapacity(texts.count)
        for text in texts {
            guard let number = DecimalNumber.parse(text), number.isFinite else { return nil }
            positions.append(number)
        }
        return positions
    }

    /// The chart's x slots from each row's position: `slotOfRow` points into `positions` and `labels`.
    struct Slots {
        var positions: [Double] = [], labels: [String] = [], slotOfRow: [Int] = []
        /// Whether the positions are already in strictly increasing order.
        var increasing = false
    }

    /// One slot per row for scatter and for numbers or dates that increase row by row (the usual
    /// series: no lookups); else one per distinct position, labelled by its first text.
    static func slots(_ positions: [Double], labels: [String], kind: DataChart.Kind, xKind: DataChart.XKind) -> Slots {
        let increasing = xKind != .categories && zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 }
        if kind == .scatter || increasing {
            return Slots(positions: positions, labels: labels, slotOfRow: Array(positions.indices), increasing: increasing)
        }
        var slots = Slots()
        var slotOfPosition: [Double: Int] = [:]
        slotOfPosition.reserveCapacity(positions.count)
        for (position, label) in zip(positions, labels) {
            if let slot = slotOfPosition[position] {
                slots.slotOfRow.append(slot)
            } else {
                slotOfPosition[position] = slots.positions.count
                slots.slotOfRow.append(slots.positions.count)
                slots.positions.append(position)
                slots.labels.append(label)
            }
        }
        return slots
    }
}
