// A vertical data chart: value axis on the left, x along the bottom; bars, lines, areas or points between.
import Foundation
import FolioDisplay
import FolioModel

extension DataChartLayout {
    mutating func verticalChart(in area: Rect) {
        let range = dataRange() ?? 0...1
        let yTitle = chart.yTitle.map { line($0, labelStyle) }
        let xTitle = chart.xTitle.map { line($0, labelStyle) }
        let yTitleWidth = yTitle == nil ? 0 : lineHeight + 2
        let xTitleHeight = xTitle == nil ? 0 : lineHeight + 2
        let top = area.minY + lineHeight / 2
        let right = area.maxX - (chart.xKind == .categories ? 1 : 8)
        var depth = lineHeight + 3
        var scale = NiceScale(low: 0, high: 1, step: 1), lines: [TextLine] = [], left = 0.0
        var axis = XAxis.numbers(scale, lines: [], labels: NumberLabels(lang: theme.lang))
        for _ in 0..<3 {
            let plotHeight = max(area.maxY - xTitleHeight - depth - top, 10)
            scale = NiceScale.make(minimum: range.lowerBound, maximum: range.upperBound, maxTicks: max(2, Int(plotHeight / (lineHeight * 2)) + 1))
            let labels = NumberLabels(lang: theme.lang).forAxis(scale)
            lines = scale.ticks.map { line(labels.text($0, decimals: scale.decimals), labelStyle) }
            left = area.minX + yTitleWidth + (lines.map(\.width).max() ?? 0) + 5
            axis = xAxis(left: left, right: right, maxDepth: area.height * 0.3)
            let next = axis.depth(lineHeight: lineHeight) + 3
            if abs(next - depth) < 0.01 { break }
            depth = next
        }
        plot = Rect(x: left, y: top, width: max(right - left, 1), height: max(area.maxY - xTitleHeight - depth - top, 10))
        drawValueAxis(scale, lines: lines)
        let frame = plot
        let y = { (value: Double) in scale.position(value, from: frame.maxY, to: frame.minY) }
        switch chart.kind {
        case .bar: verticalBars(axis: axis, y: y)
        case .line: drawLines(axis: axis, y: y, area: false)
        case .area: drawLines(axis: axis, y: y, area: true)
        case .scatter: points(axis: axis, y: y)
        }
        if let baseline {
            items.append(.line(LineItem(from: Point(x: plot.minX, y: baseline), to: Point(x: plot.maxX, y: baseline), stroke: Stroke(color: theme.muted, width: 0.8))))
        }
        drawXAxis(axis)
        if let yTitle { placeUpright(yTitle, centerX: area.minX + lineHeight / 2, top: max(0, plot.midY - yTitle.width / 2), counted: false) }
        if let xTitle {
            place(xTitle, at: Point(x: plot.midX - xTitle.width / 2, y: area.maxY - xTitle.descent), counted: false)
        }
    }

    /// Grouped or stacked bars from the zero baseline; value labels above (or inside, stacked) where they fit.
    mutating func verticalBars(axis: XAxis, y: (Double) -> Double) {
        let count = chart.series.count
        let band = plot.width / Double(max(chart.x.count, 1))
        let group = band * 0.8
        let width = chart.stack ? group : group / Double(max(count, 1))
        let zero = y(0)
        for slot in chart.x.indices {
            var positive = 0.0, negative = 0.0
            for (index, series) in chart.series.enumerated() {
                guard let value = series.values[slot] else { continue }
                let x = plot.minX + band * Double(slot) + (band - group) / 2 + (chart.stack ? 0 : width * Double(index))
                var from = 0.0
                if chart.stack { if value >= 0 { from = positive; positive += value } else { from = negative; negative += value } }
                let y0 = y(from), y1 = y(from + value)
                let rect = Rect(x: x, y: min(y0, y1), width: max(width - (count > 1 && !chart.stack ? 0.5 : 0), 0.3), height: abs(y1 - y0))
                bars.append(rect)
                items.append(.rect(RectItem(rect: rect, fill: color(index))))
                if chart.valueLabels { valueLabel(value, bar: rect, upward: value >= 0, inside: chart.stack) }
            }
        }
        _ = zero
    }

    /// A value label on `bar`: beyond its end, or inside it for stacked bars; hidden when it does not fit.
    mutating func valueLabel(_ value: Double, bar: Rect, upward: Bool, inside: Bool) {
        let text = NumberLabels(lang: theme.lang).valueText(value)
        // A label wider than its bar cannot fit: skip measuring it.
        guard Double(text.count) * valueStyle.font.size * 0.4 <= bar.width + 2 else { hiddenLabels += 1; return }
        var style = valueStyle
        if inside { style.color = .white }
        let label = line(text, style)
        guard label.width <= bar.width + 2 else { hiddenLabels += 1; return }
        let x = bar.midX - label.width / 2
        if inside {
            guard label.ascent + label.descent + 2 <= bar.height else { hiddenLabels += 1; return }
            place(label, at: Point(x: x, y: bar.midY + (label.ascent - label.descent) / 2))
            return
        }
        let baselineY = upward ? bar.minY - 2 - label.descent : bar.maxY + 2 + label.ascent
        let box = Rect(x: x, y: baselineY - label.ascent, width: label.width, height: label.ascent + label.descent)
        guard box.minY >= plot.minY - lineHeight / 2, box.maxY <= plot.maxY else { hiddenLabels += 1; return }
        place(label, at: Point(x: x, y: baselineY))
    }

    /// Lines (gaps where values are missing), or areas under them (stacked when asked); points marked when few.
    mutating func drawLines(axis: XAxis, y: (Double) -> Double, area: Bool) {
        let xs = chart.x.indices.map { xPosition($0, axis: axis) }
        // Stacked areas only: the top of the series below (arrays of every slot are built only
        // when used; a 10,000-point line spent half its layout growing and copying arrays).
        var below = area && chart.stack ? [Double](repeating: 0, count: chart.x.count) : []
        for (index, series) in chart.series.enumerated() {
            var tops = series.values
            if area, chart.stack { tops = series.values.indices.map { below[$0] + (series.values[$0] ?? 0) } }
            // A dry run (`estimatesOnly`) only asks which labels there are: the lines are not traced.
            var runs: [[Int]] = [], run: [Int] = []
            if !measurer.estimatesOnly {
                run.reserveCapacity(xs.count)
                for slot in xs.indices { if tops[slot] == nil { if !run.isEmpty { runs.append(run); run = [] } } else { run.append(slot) } }
                if !run.isEmpty { runs.append(run) }
            }
            var path: [PathElement] = []
            path.reserveCapacity(runs.reduce(0) { $0 + min($1.count, LineThinning.threshold * 4) })
            for whole in runs {
                let run = LineThinning.thin(whole, x: xs) { y(tops[$0] ?? 0) }
                for (n, slot) in run.enumerated() {
                    let point = Point(x: xs[slot], y: y(tops[slot] ?? 0))
                    path.append(n == 0 ? .move(point) : .line(point))
                }
                if area, !run.isEmpty {
                    var shape = path.suffix(run.count)
                    for slot in run.reversed() { shape.append(.line(Point(x: xs[slot], y: y(below.isEmpty ? 0 : below[slot])))) }
                    shape.append(.close)
                    items.append(.path(PathItem(elements: Array(shape), fill: color(index).withAlpha(chart.stack ? 0.8 : 0.3))))
                }
            }
            if !measurer.estimatesOnly { items.append(.path(PathItem(elements: path, stroke: Stroke(color: color(index), width: 1.6)))) }
            // The slots with a value when there are at most 40 (marked, and labelled up to 24), else
            // none: counted first, without an array of every slot.
            var valueCount = 0
            for value in series.values where value != nil {
                valueCount += 1
                if valueCount > 40 { break }
            }
            let present = valueCount <= 40 ? xs.indices.filter { series.values[$0] != nil } : []
            for slot in present {
                let point = Point(x: xs[slot], y: y(tops[slot] ?? 0))
                items.append(.path(PathItem(elements: [.arc(center: point, radius: 2, start: 0, end: 2 * .pi), .close], fill: color(index))))
            }
            if chart.valueLabels, present.count <= 24, chart.series.count <= 3 {
                for slot in present {
                    guard let value = series.values[slot] else { continue }
                    let label = line(NumberLabels(lang: theme.lang).valueText(value), valueStyle)
                    let point = Point(x: xs[slot], y: y(tops[slot] ?? 0))
                    place(label, at: Point(x: point.x - label.width / 2, y: point.y - 4 - label.descent))
                }
            }
            if area, chart.stack { below = tops.map { $0 ?? 0 } }
        }
    }

    /// Scatter points: one circle per row, sized by the `size` column when there is one.
    mutating func points(axis: XAxis, y: (Double) -> Double) {
        let sizes = chart.sizes.compactMap { $0 }
        let smallest = sizes.min() ?? 0, largest = sizes.max() ?? 0
        for (index, series) in chart.series.enumerated() {
            var elements: [PathElement] = []
            for slot in chart.x.indices {
                guard let value = series.values[slot] else { continue }
                var radius = 3.0
                if slot < chart.sizes.count, let size = chart.sizes[slot], largest > smallest {
                    radius = 2.5 + 7 * ((size - smallest) / (largest - smallest)).squareRoot()
                }
                let center = Point(x: xPosition(slot, axis: axis), y: y(value))
                elements.append(.move(Point(x: center.x + radius, y: center.y)))
                elements.append(.arc(center: center, radius: radius, start: 0, end: 2 * .pi))
                elements.append(.close)
            }
            items.append(.path(PathItem(elements: elements, fill: color(index).withAlpha(0.75), stroke: Stroke(color: .white, width: 0.4))))
        }
    }
}
