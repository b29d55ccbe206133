/// Tidy tree layout in linear time for boxes of any size (van der Ploeg, "Drawing non-layered tidy
/// trees in linear time", 2014; Walker's algorithm as improved by Buchheim, Jünger and Leipert).
///
/// Each box has a width (including the horizontal gap it wants around it) and a height (including
/// the gap below it); a child's top is its parent's top plus the parent's height, so giving every
/// box of a level the same height yields a layered drawing. Siblings keep their order, a parent is
/// centred over the span of its first and last child, and no two subtrees overlap. Both walks are
/// iterative, so deep trees do not exhaust the stack.
struct TidyLayout {
    /// Box widths and heights, gaps included.
    var width: [Double]
    var height: [Double]
    /// Children of every box, in order.
    var children: [[Int]]

    /// Left edges and tops of all boxes of the tree rooted at `root` (which sits at y = 0); x may be negative.
    func place(root: Int) -> (x: [Double], y: [Double]) {
        var state = State(count: width.count)
        let order = preorder(root)
        state.y[root] = 0
        for node in order {
            for child in children[node] { state.y[child] = state.y[node] + height[node] }
        }
        for node in order.reversed() { firstWalk(node, &state) }
        var modsum = [Double](repeating: 0, count: width.count)
        for node in order {
            let total = modsum[node] + state.mod[node]
            state.x[node] = state.prelim[node] + total
            addChildSpacing(node, &state)
            for child in children[node] { modsum[child] = total }
        }
        return (state.x, state.y)
    }

    func preorder(_ root: Int) -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(width.count)
        var stack = [root]
        while let node = stack.popLast() {
            order.append(node)
            stack.append(contentsOf: children[node].reversed())
        }
        return order
    }

    /// Per-box working values of the algorithm; -1 stands for "no box".
    struct State {
        var x, y, prelim, mod, shift, change, msel, mser: [Double]
        var threadLeft, threadRight, extremeLeft, extremeRight: [Int]

        init(count: Int) {
            let zeros = [Double](repeating: 0, count: count), none = [Int](repeating: -1, count: count)
            (x, y, prelim, mod, shift, change, msel, mser) = (zeros, zeros, zeros, zeros, zeros, zeros, zeros, zeros)
            (threadLeft, threadRight, extremeLeft, extremeRight) = (none, none, none, none)
        }
    }

    /// A list of (lowest y reached, sibling index) for the siblings placed so far, lowest first.
    final class Extent {
        let lowY: Double
        let index: Int
        let next: Extent?
        init(lowY: Double, index: Int, next: Extent?) { self.lowY = lowY; self.index = index; self.next = next }
    }

    func bottom(_ node: Int, _ s: State) -> Double { s.y[node] + height[node] }

    func firstWalk(_ node: Int, _ s: inout State) {
        let kids = children[node]
        guard let first = kids.first else {
            s.extremeLeft[node] = node; s.extremeRight[node] = node
            s.msel[node] = 0; s.mser[node] = 0
            return
        }
        var extents: Extent? = update(bottom(s.extremeLeft[first], s), 0, nil)
        for i in 1..<kids.count {
            let lowY = bottom(s.extremeRight[kids[i]], s)
            separate(node, i, &extents, &s)
            extents = update(lowY, i, extents)
        }
        positionRoot(node, &s)
        s.extremeLeft[node] = s.extremeLeft[first]; s.msel[node] = s.msel[first]
        let last = kids[kids.count - 1]
        s.extremeRight[node] = s.extremeRight[last]; s.mser[node] = s.mser[last]
    }

    func update(_ lowY: Double, _ index: Int, _ extents: Extent?) -> Extent {
        var rest = extents
        while let current = rest, lowY >= current.lowY { rest = current.next }
        return Extent(lowY: lowY, index: index, next: rest)
    }

    func separate(_ node: Int, _ i: Int, _ extents: inout Extent?, _ s: inout State) {
        let kids = children[node]
        var right = kids[i - 1], left = kids[i]
        var modRight = s.mod[right], modLeft = s.mod[left]
        while right >= 0, left >= 0 {
            if let current = extents, bottom(right, s) > current.lowY { extents = current.next }
            let distance = (modRight + s.prelim[right] + width[right]) - (modLeft + s.prelim[left])
            if distance > 0 {
                modLeft += distance
                moveSubtree(node, i, extents?.index ?? 0, distance, &s)
            }
            let rightBottom = bottom(right, s), leftBottom = bottom(left, s)
            if rightBottom <= leftBottom {
                right = nextRightContour(right, s)
                if right >= 0 { modRight += s.mod[right] }
            }
            if rightBottom >= leftBottom {
                left = nextLeftContour(left, s)
                if left >= 0 { modLeft += s.mod[left] }
            }
        }
        if right < 0, left >= 0 {
            setLeftThread(node, i, left, modLeft, &s)
        } else if right >= 0, left < 0 {
            setRightThread(node, i, right, modRight, &s)
        }
    }

    func moveSubtree(_ node: Int, _ i: Int, _ si: Int, _ distance: Double, _ s: inout State) {
        let kids = children[node], child = kids[i]
        s.mod[child] += distance; s.msel[child] += distance; s.mser[child] += distance
        if si != i - 1 {
            let count = Double(i - si)
            s.shift[kids[si + 1]] += distance / count
            s.shift[child] -= distance / count
            s.change[child] -= distance - distance / count
        }
    }

    func nextLeftContour(_ node: Int, _ s: State) -> Int { children[node].first ?? s.threadLeft[node] }
    func nextRightContour(_ node: Int, _ s: State) -> Int { children[node].last ?? s.threadRight[node] }

    func setLeftThread(_ node: Int, _ i: Int, _ left: Int, _ modLeft: Double, _ s: inout State) {
        let kids = children[node], first = kids[0]
        let extreme = s.extremeLeft[first]
        s.threadLeft[extreme] = left
        let difference = (modLeft - s.mod[left]) - s.msel[first]
        s.mod[extreme] += difference
        s.prelim[extreme] -= difference
        s.extremeLeft[first] = s.extremeLeft[kids[i]]
        s.msel[first] = s.msel[kids[i]]
    }

    func setRightThread(_ node: Int, _ i: Int, _ right: Int, _ modRight: Double, _ s: inout State) {
        let kids = children[node], child = kids[i]
        let extreme = s.extremeRight[child]
        s.threadRight[extreme] = right
        let difference = (modRight - s.mod[right]) - s.mser[child]
        s.mod[extreme] += difference
        s.prelim[extreme] -= difference
        s.extremeRight[child] = s.extremeRight[kids[i - 1]]
        s.mser[child] = s.mser[kids[i - 1]]
    }

    func positionRoot(_ node: Int, _ s: inout State) {
        let kids = children[node], first = kids[0], last = kids[kids.count - 1]
        s.prelim[node] = (s.prelim[first] + s.mod[first] + s.mod[last] + s.prelim[last] + width[last]) / 2 - width[node] / 2
    }

    func addChildSpacing(_ node: Int, _ s: inout State) {
        var d = 0.0, modsumDelta = 0.0
        for child in children[node] {
            d += s.shift[child]
            modsumDelta += d + s.change[child]
            s.mod[child] += modsumDelta
        }
    }
}
