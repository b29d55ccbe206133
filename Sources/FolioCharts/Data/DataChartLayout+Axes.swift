// Axes of a data chart: the value axis (round ticks, grid, zero baseline) and the x axis (categories, numbers, dates).
import Foundation
import FolioDisplay
import FolioModel

extension DataChartLayout {
    /// How the x axis of a vertical chart maps x values to positions, with its labels.
    enum XAxis {
        case categories(CategoryLabels, band: Double)
        case numbers(NiceScale, lines: [TextLine], labels: NumberLabels)
        case dates(TimeAxis, TimeScale)

        /// Room the axis labels take below the plot.
        func depth(lineHeight: Double) -> Double {
            switch self {
            case .categories(let labels, _): return labels.depth
            case .numbers: return lineHeight
            case .dates(let axis, _): return axis.context.isEmpty ? lineHeight : lineHeight * 2
            }
        }
    }

    /// A number axis from `from` to `to` (points) covering `low`…`high`: the most ticks whose labels
    /// keep `TimeAxis.labelGap` apart and stay inside the chart.
    func numberAxis(low: Double, high: Double, from: Double, to: Double) -> (NiceScale, [TextLine], NumberLabels) {
        let length = abs(to - from)
        var maxTicks = max(2, Int(length / 36) + 1)
        let base = NumberLabels(lang: theme.lang)
        while true {
            let scale = NiceScale.make(minimum: low, maximum: high, maxTicks: maxTicks)
            var labels = base.forAxis(scale)
            // Years along an axis are not grouped: "2024", not "2,024".
            if chart.xKind == .numbers, scale.low >= 1000, scale.high < 10_000, scale.decimals == 0, !chart.horizontal { labels.grouping = false }
            let lines = scale.ticks.map { line(labels.text($0, decimals: scale.decimals), labelStyle) }
            var fits = true
            var previousEnd = -Double.infinity
            for (tick, line) in zip(scale.ticks, lines) {
                let x = labelLeft(centeredOn: scale.position(tick, from: from, to: to), width: line.width)
                if x < previousEnd + TimeAxis.labelGap { fits = false; break }
                previousEnd = x + line.width
            }
            if fits || maxTicks == 2 { return (scale, lines, labels) }
            maxTicks -= 1
        }
    }

    /// The left end of a label of `width` centred on `x`, moved inwards to stay inside the chart.
    func labelLeft(centeredOn x: Double, width: Double) -> Double {
        min(max(0, x - width / 2), size.width - width)
    }

    /// The x axis between `left` and `right`, its labels at most `maxDepth` deep.
    func xAxis(left: Double, right: Double, maxDepth: Double) -> XAxis {
        switch chart.xKind {
        case .categories:
            // Scatter rows share categories: one band per distinct category.
            var names = chart.xLabels
            if chart.kind == .scatter {
                var seen: Set<String> = []
                names = chart.xLabels.filter { seen.insert($0).inserted }
            }
            let band = (right - left) / Double(max(names.count, 1))
            let lines = names.map { line($0, labelStyle) }
            return .categories(CategoryLabels.fit(lines, band: band, maxDepth: maxDepth, measurer: measurer, lang: theme.lang), band: band)
        case .numbers:
            let low = chart.x.min() ?? 0, high = chart.x.max() ?? 1
            let (scale, lines, labels) = numberAxis(low: low, high: high, from: left, to: right)
            return .numbers(scale, lines: lines, labels: labels)
        case .dates:
            let low = chart.x.min() ?? 0, high = chart.x.max() ?? 1
            let domain = TimeScale.domain(low: low, high: high, fixedStart: nil, fixedEnd: nil)
            let scale = TimeScale(start: domain.start, end: domain.end, left: left, right: right)
            var context = labelStyle
            context.font.weight = 700
            return .dates(TimeAxis.make(scale: scale, width: size.width, style: labelStyle, contextStyle: context,
                                        measurer: measurer, lang: theme.lang), scale)
        }
    }

    /// The x position of slot `index` along `axis`.
    func xPosition(_ index: Int, axis: XAxis) -> Double {
        switch axis {
        case .categories(_, let band):
            let slot = chart.kind == .scatter ? chart.x[index] : Double(index)
            return plot.minX + band * (slot + 0.5)
        case .numbers(let scale, _, _): return scale.position(chart.x[index], from: plot.minX, to: plot.maxX)
        case .dates(_, let scale): return scale.x(chart.x[index])
        }
    }

    /// Draws the x axis labels under the plot.
    mutating func drawXAxis(_ axis: XAxis) {
        let top = plot.maxY + 3
        switch axis {
        case .categories(let labels, let band):
            hiddenLabels += labels.hidden
            for (index, line) in labels.shown {
                let x = plot.minX + band * (Double(index) + 0.5)
                switch labels.mode {
                case .flat: place(line, at: Point(x: x - line.width / 2, y: top + line.ascent))
                case .upright: placeUpright(line, centerX: x, top: top)
                }
            }
        case .numbers(let scale, let lines, _):
            for (tick, line) in zip(scale.ticks, lines) {
                let x = scale.position(tick, from: plot.minX, to: plot.maxX)
                items.append(.line(LineItem(from: Point(x: x, y: plot.maxY), to: Point(x: x, y: plot.maxY + 2.5), stroke: Stroke(color: theme.rule, width: 0.6))))
                place(line, at: Point(x: labelLeft(centeredOn: x, width: line.width), y: top + line.ascent), counted: false)
            }
        case .dates(let axis, _):
            for tick in axis.ticks {
                items.append(.line(LineItem(from: Point(x: tick.x, y: plot.maxY), to: Point(x: tick.x, y: plot.maxY + 2.5), stroke: Stroke(color: theme.rule, width: 0.6))))
                place(tick.label, at: Point(x: tick.labelX, y: top + tick.label.ascent), counted: false)
            }
            for tick in axis.context {
                place(tick.label, at: Point(x: tick.labelX, y: top + lineHeight + tick.label.ascent), counted: false)
            }
        }
    }

    /// Grid lines and labels of a vertical value axis, and the zero baseline.
    mutating func drawValueAxis(_ scale: NiceScale, lines: [TextLine]) {
        ticks = scale.ticks
        for (tick, line) in zip(scale.ticks, lines) {
            let y = scale.position(tick, from: plot.maxY, to: plot.minY)
            items.append(.line(LineItem(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y), stroke: Stroke(color: theme.rule, width: 0.5))))
            place(line, at: Point(x: plot.minX - 4 - line.width, y: y + (line.ascent - line.descent) / 2), counted: false)
        }
        if scale.low <= 0, scale.high >= 0 {
            let y = scale.position(0, from: plot.maxY, to: plot.minY)
            baseline = y
        }
    }
}
