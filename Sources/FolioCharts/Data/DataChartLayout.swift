// Lays out a data chart (bar, line, area, scatter): title, legend, axes with round ticks, marks and value labels.
import Foundation
import FolioDisplay
import FolioModel

/// Turns a `DataChart` into display items within a frame, measuring text only through `TextMeasuring`.
///
/// Text is never drawn over other text: every label is checked against the boxes already placed and
/// the chart's bounds, and left out (counted as hidden) when it would touch one.
struct DataChartLayout {
    let chart: DataChart
    let frame: ChartFrame
    let theme: ChartTheme
    let measurer: TextMeasuring

    /// The smallest a data chart is drawn: below this its labels would not be legible.
    static let minimumSize = Size(width: 180, height: 120)

    var items: [DisplayItem] = []
    var labelItems: [DisplayItem] = []
    var boxes: [Rect] = []
    /// Whether each placed label counts as shown (parallel to `boxes` and `labelItems`).
    var labelCounted: [Bool] = []
    var texts: [String] = []
    var shownLabels = 0, shortenedLabels = 0, hiddenLabels = 0
    var size = Size(width: 0, height: 0)
    var plot = Rect(x: 0, y: 0, width: 0, height: 0)
    var ticks: [Double] = []
    var baseline: Double?
    var bars: [Rect] = []

    init(chart: DataChart, frame: ChartFrame, theme: ChartTheme, measurer: TextMeasuring) {
        self.chart = chart
        self.frame = frame
        self.theme = theme
        self.measurer = measurer
        let sample = measurer.measureLine([TextSpan("0", style: TextStyle(font: FontSpec(family: theme.bodyFamily, size: theme.textSize)))], lang: theme.lang)
        lineHeight = max(theme.textSize * 1.3, sample.ascent + sample.descent + 1)
    }

    var labelStyle: TextStyle { TextStyle(font: FontSpec(family: theme.bodyFamily, size: theme.textSize), color: theme.muted) }
    var valueStyle: TextStyle { TextStyle(font: FontSpec(family: theme.bodyFamily, size: theme.textSize - 0.5), color: theme.text) }
    var titleStyle: TextStyle { TextStyle(font: FontSpec(family: theme.headingFamily, size: theme.textSize + 1.5, weight: 700), color: theme.text) }
    /// Height of one line of labels (at least 1.3 × the text size).
    let lineHeight: Double

    func color(_ series: Int) -> Color {
        let palette = theme.palette.isEmpty ? ChartTheme.okabeIto : theme.palette
        return palette[series % palette.count]
    }

    func line(_ text: String, _ style: TextStyle) -> TextLine { measurer.measureLine([TextSpan(text, style: style)], lang: theme.lang) }

    /// Lays the chart out.
    mutating func layout() -> DataChartScene {
        let width = max(frame.width, Self.minimumSize.width)
        let wanted = chart.height ?? frame.preferredHeight ?? min(width * 0.55, 320)
        let height = max(Self.minimumSize.height, min(wanted, max(frame.maximumHeight, Self.minimumSize.height)))
        size = Size(width: width, height: height)
        var top = 0.0
        if let title = chart.title, !title.isEmpty,
           let fitted = TextFitting.fitted([TextSpan(title, style: titleStyle)], maxWidth: width, measurer: measurer, lang: theme.lang) {
            place(fitted, at: Point(x: 0, y: top + fitted.ascent), counted: false)
            top += fitted.ascent + fitted.descent + 6
        }
        if chart.series.count > 1 { top = legend(top: top) + 4 }
        let area = Rect(x: 0, y: top, width: width, height: max(height - top, 40))
        if chart.kind == .bar, chart.horizontal { horizontalBars(in: area) } else { verticalChart(in: area) }
        dropLabelsCrossingBars()
        let drawing = Drawing(size: size, items: items + labelItems)
        return DataChartScene(drawing: drawing, plot: plot, textBoxes: boxes, texts: texts, labelsShown: shownLabels,
                              labelsShortened: shortenedLabels, labelsHidden: hiddenLabels, ticks: ticks,
                              dataRange: dataRange(), baseline: baseline, bars: bars)
    }

    // MARK: Text placement

    /// Places `line` with its baseline's left end at `origin` unless its box would touch a placed box or
    /// leave the chart; returns whether it was placed.
    @discardableResult
    mutating func place(_ line: TextLine, at origin: Point, counted: Bool = true, avoid: Bool = true) -> Bool {
        let box = Rect(x: origin.x, y: origin.y - line.ascent, width: line.width, height: line.ascent + line.descent)
        guard fits(box, avoid: avoid) else {
            if counted { hiddenLabels += 1 }
            return false
        }
        labelItems.append(.text(TextItem(origin: origin, line: line)))
        accept(box, line, counted: counted)
        return true
    }

    /// Places `line` turned upright (reading upwards), its end at `top`, centred on `x`.
    @discardableResult
    mutating func placeUpright(_ line: TextLine, centerX x: Double, top: Double, counted: Bool = true) -> Bool {
        let originX = x + (line.ascent - line.descent) / 2
        let box = Rect(x: originX - line.ascent, y: top, width: line.ascent + line.descent, height: line.width)
        guard fits(box, avoid: true) else {
            if counted { hiddenLabels += 1 }
            return false
        }
        let group = GroupItem(origin: Point(x: originX, y: top + line.width), items: [.text(TextItem(origin: Point(x: 0, y: 0), line: line))],
                              rotation: -Double.pi / 2)
        labelItems.append(.group(group))
        accept(box, line, counted: counted)
        return true
    }

    func fits(_ box: Rect, avoid: Bool) -> Bool {
        guard box.minX >= -0.01, box.minY >= -0.01, box.maxX <= size.width + 0.01, box.maxY <= size.height + 0.01 else { return false }
        return !avoid || !boxes.contains { $0.intersects(box) }
    }

    /// Leaves out every label that lies partly over a bar (a value label wider or taller than a thin
    /// bar, or one beside a bar reaching into its neighbour): a label touching a bar is inside it.
    mutating func dropLabelsCrossingBars() {
        guard !bars.isEmpty else { return }
        let slack = 0.3
        var keep = [Bool](repeating: true, count: boxes.count)
        for (index, box) in boxes.enumerated() {
            let inner = Rect(x: box.minX + slack, y: box.minY + slack, width: max(0, box.width - 2 * slack),
                             height: max(0, box.height - 2 * slack))
            let outer = { (bar: Rect) in Rect(x: bar.minX - slack, y: bar.minY - slack, width: bar.width + 2 * slack, height: bar.height + 2 * slack) }
            if bars.contains(where: { $0.intersects(inner) && !outer($0).contains(box) }) { keep[index] = false }
        }
        guard keep.contains(false) else { return }
        for index in boxes.indices where !keep[index] && labelCounted[index] {
            shownLabels -= 1
            hiddenLabels += 1
            if texts[index].hasSuffix("…") { shortenedLabels -= 1 }
        }
        labelItems = labelItems.indices.filter { keep[$0] }.map { labelItems[$0] }
        boxes = boxes.indices.filter { keep[$0] }.map { boxes[$0] }
        texts = texts.indices.filter { keep[$0] }.map { texts[$0] }
        labelCounted = labelCounted.indices.filter { keep[$0] }.map { labelCounted[$0] }
    }

    mutating func accept(_ box: Rect, _ line: TextLine, counted: Bool) {
        labelCounted.append(counted)
        boxes.append(box)
        let text = line.spans.map(\.text).joined()
        texts.append(text)
        if counted {
            shownLabels += 1
            if text.hasSuffix("…") { shortenedLabels += 1 }
        }
    }

    // MARK: Legend

    /// One swatch and name per series, in rows that wrap at the chart's width; returns the bottom.
    mutating func legend(top: Double) -> Double {
        let swatch = theme.textSize * 0.9
        var x = 0.0, y = top
        for (index, series) in chart.series.enumerated() {
            guard let name = TextFitting.fitted([TextSpan(series.name, style: labelStyle)], maxWidth: size.width - swatch - 4,
                                                measurer: measurer, lang: theme.lang) else { continue }
            let itemWidth = swatch + 4 + name.width
            if x > 0, x + itemWidth > size.width { x = 0; y += lineHeight }
            let baselineY = y + name.ascent
            items.append(.rect(RectItem(rect: Rect(x: x, y: baselineY - swatch, width: swatch, height: swatch), fill: color(index))))
            place(name, at: Point(x: x + swatch + 4, y: baselineY), counted: false, avoid: false)
            x += itemWidth + 12
        }
        return y + lineHeight
    }

    // MARK: Values

    /// The smallest and largest values drawn (stacked sums for stacked charts; zero included for bars and areas).
    func dataRange() -> ClosedRange<Double>? {
        var low = Double.infinity, high = -Double.infinity
        if chart.stack, chart.kind == .bar || chart.kind == .area {
            for slot in chart.x.indices {
                var positive = 0.0, negative = 0.0
                for series in chart.series { if let v = series.values[slot] { if v >= 0 { positive += v } else { negative += v } } }
                low = min(low, negative); high = max(high, positive)
            }
        } else {
            for series in chart.series { for case let v? in series.values { low = min(low, v); high = max(high, v) } }
        }
        if chart.kind == .bar || chart.kind == .area { low = min(low, 0); high = max(high, 0) }
        return low <= high ? low...high : nil
    }
}
