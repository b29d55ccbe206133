// Horizontal bars: categories down the left, values along the bottom.
import FolioDisplay
import FolioModel

extension DataChartLayout {
    mutating func horizontalBars(in area: Rect) {
        let range = dataRange() ?? 0...1
        let valueTitle = chart.yTitle.map { line($0, labelStyle) }
        let bottom = area.maxY - lineHeight - 3 - (valueTitle == nil ? 0 : lineHeight + 2)
        let count = max(chart.x.count, 1)
        let band = (bottom - area.minY) / Double(count)
        // Category labels: at most 30% of the width, shortened with "…"; every `step`-th when bands are thinner than a line.
        let maxWidth = size.width * 0.3
        let step = max(1, Int((lineHeight / max(band, 1e-9)).rounded(.up)))
        var labels: [(Int, TextLine)] = []
        for index in stride(from: 0, to: chart.x.count, by: step) {
            let full = line(chart.xLabels[index], labelStyle)
            if full.width <= maxWidth { labels.append((index, full)); continue }
            guard let cut = TextFitting.fitted(full.spans, maxWidth: maxWidth, measurer: measurer, lang: theme.lang) else { hiddenLabels += 1; continue }
            labels.append((index, cut))
        }
        hiddenLabels += chart.x.count - labels.count - (chart.x.count - (chart.x.count + step - 1) / step == 0 ? 0 : 0)
        let left = area.minX + (labels.map(\.1.width).max() ?? 0) + 5
        let right = area.maxX - 8
        let (scale, lines, _) = numberAxis(low: range.lowerBound, high: range.upperBound, from: left, to: right)
        plot = Rect(x: left, y: area.minY, width: max(right - left, 1), height: max(bottom - area.minY, 10))
        ticks = scale.ticks
        let frame = plot
        let x = { (value: Double) in scale.position(value, from: frame.minX, to: frame.maxX) }
        for (tick, label) in zip(scale.ticks, lines) {
            let at = x(tick)
            items.append(.line(LineItem(from: Point(x: at, y: plot.minY), to: Point(x: at, y: plot.maxY), stroke: Stroke(color: theme.rule, width: 0.5))))
            place(label, at: Point(x: labelLeft(centeredOn: at, width: label.width), y: plot.maxY + 3 + label.ascent), counted: false)
        }
        let zero = x(0)
        baseline = zero
        let seriesCount = chart.series.count
        let group = band * 0.8
        let thickness = chart.stack ? group : group / Double(max(seriesCount, 1))
        for slot in chart.x.indices {
            var positive = 0.0, negative = 0.0
            for (index, series) in chart.series.enumerated() {
                guard let value = series.values[slot] else { continue }
                var from = 0.0
                if chart.stack { if value >= 0 { from = positive; positive += value } else { from = negative; negative += value } }
                let x0 = x(from), x1 = x(from + value)
                let y = plot.minY + band * Double(slot) + (band - group) / 2 + (chart.stack ? 0 : thickness * Double(index))
                let rect = Rect(x: min(x0, x1), y: y, width: abs(x1 - x0), height: max(thickness - (seriesCount > 1 && !chart.stack ? 0.5 : 0), 0.3))
                bars.append(rect)
                items.append(.rect(RectItem(rect: rect, fill: color(index))))
                if chart.valueLabels { sideLabel(value, bar: rect, inside: chart.stack) }
            }
        }
        items.append(.line(LineItem(from: Point(x: zero, y: plot.minY), to: Point(x: zero, y: plot.maxY), stroke: Stroke(color: theme.muted, width: 0.8))))
        for (index, label) in labels {
            let centre = plot.minY + band * (Double(index) + 0.5)
            place(label, at: Point(x: left - 5 - label.width, y: centre + (label.ascent - label.descent) / 2))
        }
        if let valueTitle { place(valueTitle, at: Point(x: plot.midX - valueTitle.width / 2, y: area.maxY - valueTitle.descent), counted: false) }
    }

    /// A value label beside a horizontal bar (inside it when stacked), when it fits.
    mutating func sideLabel(_ value: Double, bar: Rect, inside: Bool) {
        let text = NumberLabels(lang: theme.lang).valueText(value)
        guard valueStyle.font.size <= bar.height + 2 else { hiddenLabels += 1; return }
        var style = valueStyle
        if inside { style.color = .white }
        let label = line(text, style)
        let baselineY = bar.midY + (label.ascent - label.descent) / 2
        if inside {
            guard label.width + 2 <= bar.width else { hiddenLabels += 1; return }
            place(label, at: Point(x: bar.midX - label.width / 2, y: baselineY))
        } else {
            let x = value >= 0 ? bar.maxX + 2 : bar.minX - 2 - label.width
            guard x >= plot.minX, x + label.width <= plot.maxX + 8 else { hiddenLabels += 1; return }
            place(label, at: Point(x: x, y: baselineY))
        }
    }
}
