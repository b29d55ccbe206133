import FolioDisplay

/// A long polyline thinned for a raster image: of the points that fall in one column of device
/// pixels one after another, only the first, the lowest, the highest and the last are kept, in their
/// order (the M4 reduction of Jugel et al., VLDB 2014). The stroke through them covers the same
/// pixels, up to antialiasing at its edges: a 10,000-point series on a 900-pixel-wide chart keeps
/// at most 3,600 points, and Cairo strokes each one at a cost. Vector output (PDF, SVG) keeps every point.
enum PolylineThinning {
    /// The points to stroke in place of `elements`, or nil when they are not one move followed by
    /// lines. `deviceX` maps a user-space x to device pixels (scale and offset only).
    static func points(_ elements: [PathElement], deviceX: (scale: Double, offset: Double)) -> [Point]? {
        guard elements.count > 2, case .move = elements[0] else { return nil }
        var kept: [Point] = []
        kept.reserveCapacity(min(elements.count, 4096))
        // The run of points in the current column: its first, lowest, highest and last, by index.
        var column = Double.nan
        var first = Point(x: 0, y: 0), low = first, high = first, last = first
        var lowIndex = 0, highIndex = 0, lastIndex = 0, firstIndex = 0
        func flush() {
            guard !column.isNaN else { return }
            kept.append(first)
            // The extremes in the order the line reached them, each once, between the first and the last.
            let (a, aIndex, b, bIndex) = lowIndex < highIndex ? (low, lowIndex, high, highIndex) : (high, highIndex, low, lowIndex)
            if aIndex != firstIndex, aIndex != lastIndex { kept.append(a) }
            if bIndex != firstIndex, bIndex != lastIndex, bIndex != aIndex { kept.append(b) }
            if lastIndex != firstIndex { kept.append(last) }
        }
        for (index, element) in elements.enumerated() {
            let point: Point
            switch element {
            case .move(let p) where index == 0: point = p
            case .line(let p): point = p
            default: return nil
            }
            guard point.x.isFinite, point.y.isFinite else { return nil }
            let pixel = (point.x * deviceX.scale + deviceX.offset).rounded(.down)
            if pixel == column {
                if point.y < low.y { low = point; lowIndex = index }
                if point.y > high.y { high = point; highIndex = index }
                last = point; lastIndex = index
            } else {
                flush()
                column = pixel
                first = point; low = point; high = point; last = point
                firstIndex = index; lowIndex = index; highIndex = index; lastIndex = index
            }
        }
        flush()
        return kept
    }
}
