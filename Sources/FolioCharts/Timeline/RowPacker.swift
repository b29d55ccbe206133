// Greedy interval partitioning of labelled marks into rows: first fit, lowest row, never touching.

/// Rows of occupied horizontal intervals; items go into the lowest rows where their full extent is free.
///
/// Each row keeps its intervals sorted and disjoint, so a query is a binary search. Rows hold at most
/// about `width / gap` intervals, and the number of rows is capped by the height budget, so placing
/// n items costs O(n log n) for the sort plus O(n · rows · log(width/gap)) here.
struct RowPacker {
    /// Free space kept between two extents in the same row.
    let gap: Double
    /// Rows available; items that fit in none are not placed.
    let capacity: Int
    private(set) var rows: [[(start: Double, end: Double)]] = []

    init(gap: Double, capacity: Int) {
        self.gap = gap
        self.capacity = max(0, capacity)
    }

    /// Index of the first interval of `intervals` whose end, plus the gap, reaches past `x`
    /// (ends are sorted: the intervals of a row are disjoint).
    func firstReaching(_ x: Double, in intervals: [(start: Double, end: Double)]) -> Int {
        var low = 0, high = intervals.count
        while low < high {
            let middle = (low + high) / 2
            if intervals[middle].end + gap <= x { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The free stretch around `start`…`end` common to rows `row`..<`row + height` (gaps already taken off),
    /// or nil when something within `gap` overlaps it in one of them.
    func room(row: Int, height: Int, start: Double, end: Double) -> (low: Double, high: Double)? {
        guard row + height <= capacity else { return nil }
        var low = -Double.infinity, high = Double.infinity
        for index in row..<(row + height) where index < rows.count {
            let intervals = rows[index]
            let lower = firstReaching(start, in: intervals)
            if lower < intervals.count {
                guard intervals[lower].start >= end + gap else { return nil }
                high = min(high, intervals[lower].start - gap)
            }
            if lower > 0 { low = max(low, intervals[lower - 1].end + gap) }
        }
        return (low, high)
    }

    /// For a point `x` blocked in every row: the x up to which it stays blocked (the nearest covering end), else nil.
    func blockedUntil(_ x: Double) -> Double? {
        guard rows.count >= capacity, capacity > 0 else { return nil }
        var until = Double.infinity
        for intervals in rows.prefix(capacity) {
            let low = firstReaching(x, in: intervals)
            guard low < intervals.count, intervals[low].start < x + gap else { return nil }
            until = min(until, intervals[low].end + gap)
        }
        return until
    }

    /// Marks `start`…`end` taken in rows `row`..<`row + height`.
    mutating func occupy(row: Int, height: Int, start: Double, end: Double) {
        while rows.count < row + height { rows.append([]) }
        for index in row..<(row + height) {
            var low = 0, high = rows[index].count
            while low < high {
                let middle = (low + high) / 2
                if rows[index][middle].start < start { low = middle + 1 } else { high = middle }
            }
            rows[index].insert((start, end), at: low)
        }
    }
}
