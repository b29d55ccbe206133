/// Long lines thinned to what can be seen: the M4 reduction (Jugel et al., "M4: A
/// Visualization-Oriented Time Series Data Aggregation", 2014). Within each column of
/// `columnWidth` points the first, lowest, highest and last points are kept, in their order. A
/// column is narrower than a pixel up to 288 dpi, so the line keeps its shape and its extremes;
/// what it loses are the mitred spikes of a stroke zig-zagging a hundred times within one pixel,
/// which reached past the data's real extremes. A 100,000-point line becomes at most four points
/// per column of the plot (PNG, and PDF and SVG files a fraction of the size).
enum LineThinning {
    /// Column width in points (a quarter point: a pixel at 288 dpi).
    static let columnWidth = 0.25
    /// Runs up to this many points are drawn whole.
    static let threshold = 2000

    /// The slots of `run` to draw: all of them when few, else the M4 points of each column.
    /// `x` gives each slot's horizontal position (ascending along the run), `y` its vertical one.
    static func thin(_ run: [Int], x: [Double], y: (Int) -> Double) -> [Int] {
        guard run.count > threshold else { return run }
        var kept: [Int] = []
        var start = 0
        while start < run.count {
            let column = (x[run[start]] / columnWidth).rounded(.down)
            var end = start, lowest = start, highest = start
            var lowestY = y(run[start]), highestY = lowestY
            while end < run.count, (x[run[end]] / columnWidth).rounded(.down) == column {
                let value = y(run[end])
                if value < lowestY { lowestY = value; lowest = end }
                if value > highestY { highestY = value; highest = end }
                end += 1
            }
            var picks = [start, lowest, highest, end - 1]
            picks.sort()
            for (index, pick) in picks.enumerated() where index == 0 || pick != picks[index - 1] { kept.append(run[pick]) }
            start = end
        }
        return kept
    }
}
