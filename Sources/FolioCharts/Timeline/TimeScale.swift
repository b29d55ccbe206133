// A linear map from days to horizontal positions.

/// Maps a day range (days since 0001-01-01, fractional allowed) linearly onto an x range in points.
struct TimeScale: Hashable, Sendable {
    /// First and last day shown.
    var start: Double
    var end: Double
    /// x of `start` and of `end`.
    var left: Double
    var right: Double

    /// The x of a day; days outside the range map outside `left`…`right`.
    func x(_ day: Double) -> Double {
        left + (day - start) / (end - start) * (right - left)
    }

    /// Points per day.
    var pointsPerDay: Double { (right - left) / (end - start) }

    /// The day range to show for events covering `low`…`high`, with `from`/`to` fixed when given.
    ///
    /// Unfixed ends get a margin of 3% (at least a day); the range is at least four days long and
    /// stays within years 1–9999.
    static func domain(low: Double, high: Double, fixedStart: Double?, fixedEnd: Double?) -> (start: Double, end: Double) {
        let minimum = 0.0, maximum = Double(CalendarMath.daysBefore(year: 10_000))
        var start = fixedStart ?? low, end = fixedEnd ?? high
        let margin = max((end - start) * 0.03, 1)
        if fixedStart == nil { start -= margin }
        if fixedEnd == nil { end += margin }
        if end - start < 4 {
            let middle = (start + end) / 2
            start = middle - 2
            end = middle + 2
        }
        if start < minimum { end = min(maximum, end + (minimum - start)); start = minimum }
        if end > maximum { start = max(minimum, start - (end - maximum)); end = maximum }
        return (start, end)
    }
}
