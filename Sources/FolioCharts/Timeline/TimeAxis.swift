// Choosing the tick interval whose measured labels fit, and labelling ticks in one or two tiers.
import FolioDisplay

/// A laid-out time axis: ticks with their labels (tier 1) and coarser context labels (tier 2).
struct TimeAxis: Sendable {
    /// A tick: its day, x and label.
    struct Tick: Sendable {
        var day: Int
        var x: Double
        var label: TextLine
        /// Left end of the label as placed (centred on the tick, kept inside the chart).
        var labelX: Double
    }

    var interval: TimeInterval
    var ticks: [Tick]
    /// Year labels under month ticks, or month labels under day ticks; `x` is where the period starts.
    var context: [Tick]

    /// Space kept between neighbouring axis labels.
    static let labelGap = 6.0
    /// Ticks are at least this far apart, however short their labels.
    static let minimumSpacing = 28.0

    /// Chooses the finest interval whose labels fit between `0` and `width`, and labels its ticks.
    static func make(scale: TimeScale, width: Double, style: TextStyle, contextStyle: TextStyle,
                     measurer: TextMeasuring, lang: String) -> TimeAxis {
        let span = scale.end - scale.start
        let plotWidth = scale.right - scale.left
        var fallback: TimeAxis?
        for interval in TimeInterval.table {
            // Skip intervals that would give more ticks than could ever fit.
            guard span / interval.approximateDays <= plotWidth / minimumSpacing + 2 else { continue }
            let days = interval.ticks(from: scale.start, to: scale.end)
            if days.isEmpty { continue }
            let ticks = days.map { day -> Tick in
                let line = measurer.measureLine([TextSpan(label(day, interval: interval), style: style)], lang: lang)
                let x = scale.x(Double(day))
                return Tick(day: day, x: x, label: line, labelX: min(max(0, x - line.width / 2), width - line.width))
            }
            let axis = TimeAxis(interval: interval, ticks: ticks, context: [])
            if axis.fits(pointsPerTick: interval.approximateDays * scale.pointsPerDay) {
                return axis.withContext(scale: scale, width: width, style: contextStyle, measurer: measurer, lang: lang)
            }
            fallback = axis
        }
        // Nothing fits (a very narrow chart): keep what labels can be shown without touching.
        let thinned = (fallback ?? TimeAxis(interval: TimeInterval(unit: .year, step: 1000), ticks: [], context: [])).thinned()
        return thinned.withContext(scale: scale, width: width, style: contextStyle, measurer: measurer, lang: lang)
    }

    /// True when no two labels come closer than `labelGap` and ticks are not crowded.
    func fits(pointsPerTick: Double) -> Bool {
        guard pointsPerTick >= TimeAxis.minimumSpacing * 0.9, ticks.allSatisfy({ $0.labelX >= 0 }) else { return false }
        for (a, b) in zip(ticks, ticks.dropFirst()) where a.labelX + a.label.width + TimeAxis.labelGap > b.labelX {
            return false
        }
        return true
    }

    /// Keeps only ticks whose labels do not collide with the previous kept one.
    func thinned() -> TimeAxis {
        var kept: [Tick] = []
        for tick in ticks where tick.labelX >= 0 {
            if let last = kept.last, last.labelX + last.label.width + TimeAxis.labelGap > tick.labelX { continue }
            kept.append(tick)
        }
        return TimeAxis(interval: interval, ticks: kept, context: context)
    }

    /// The tier-1 label of a tick: the day of the month, the month, or the year.
    static func label(_ day: Int, interval: TimeInterval) -> String {
        let date = CalendarMath.civil(day)
        switch interval.unit {
        case .day, .week: return "\(date.day)"
        case .month: return CalendarMath.monthAbbreviations[date.month - 1]
        case .year: return "\(date.year)"
        }
    }

    /// Adds the second tier: years under months, "Apr 2024" under days; a first label at the left edge
    /// names the period the axis starts in.
    func withContext(scale: TimeScale, width: Double, style: TextStyle, measurer: TextMeasuring, lang: String) -> TimeAxis {
        let unit: TimeInterval
        switch interval.unit {
        case .day, .week: unit = TimeInterval(unit: .month, step: 1)
        case .month: unit = TimeInterval(unit: .year, step: 1)
        case .year: return self
        }
        func text(_ day: Int) -> String {
            let date = CalendarMath.civil(day)
            return unit.unit == .year ? "\(date.year)" : "\(CalendarMath.monthAbbreviations[date.month - 1]) \(date.year)"
        }
        var starts = unit.ticks(from: scale.start, to: scale.end).map { (day: $0, x: scale.x(Double($0))) }
        if starts.first.map({ $0.x > scale.left + 0.5 }) ?? true {
            starts.insert((day: Int(scale.start.rounded(.down)), x: scale.left), at: 0)
        }
        var placed: [Tick] = []
        for (index, start) in starts.enumerated() {
            let line = measurer.measureLine([TextSpan(text(start.day), style: style)], lang: lang)
            let labelX = min(max(0, start.x), width - line.width)
            if labelX < 0 { continue }
            if let last = placed.last, last.labelX + last.label.width + TimeAxis.labelGap > labelX {
                // The left-edge label yields to the first real period start.
                if index == 1, placed.count == 1, starts[0].x == scale.left { placed.removeLast() } else { continue }
            }
            placed.append(Tick(day: start.day, x: start.x, label: line, labelX: labelX))
        }
        var axis = self
        axis.context = placed
        return axis
    }
}
