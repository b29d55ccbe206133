import FolioDisplay
import Foundation

/// Routes a relation outside the tree as an orthogonal line that keeps clear of every card.
///
/// The route runs on a sparse grid made of the cards' edges pushed out by a clearance, searched
/// shortest-first with a penalty per bend. Only cards near the two ends are obstacles, so routing
/// stays cheap in large charts; when no clear route exists the link is drawn as a plain curve.
struct OrgLinkRouter {
    /// All cards of the part.
    var cards: [Rect]
    /// The area routes may use.
    var bounds: Rect
    var clearance = 5.0
    var bendPenalty = 18.0
    /// Obstacles considered at most (beyond that the search area is too busy to be worth it).
    var maximumObstacles = 120

    /// Points of the route from `source` to `target` (both card frames), first and last on the cards.
    func route(from source: Rect, to target: Rect) -> [Point]? {
        let area = union(source, target)
        let reach = 3 * (clearance + max(source.height, target.height))
        let window = Rect(x: area.minX - reach, y: area.minY - reach, width: area.width + 2 * reach, height: area.height + 2 * reach)
        let obstacles = cards.filter { $0.intersects(window) }.map(inflate)
        guard obstacles.count <= maximumObstacles else { return nil }
        // Side ports leave horizontally (direction 0); bottom ports, off-centre to spare the
        // connector of the card's own reports, leave vertically (direction 1).
        let ports = { (card: Rect) -> [Port] in
            let midY = card.minY + card.height / 2
            var ports = [Port(edge: Point(x: card.maxX, y: midY), port: Point(x: card.maxX + self.clearance, y: midY), direction: 0),
                         Port(edge: Point(x: card.minX, y: midY), port: Point(x: card.minX - self.clearance, y: midY), direction: 0)]
            for fraction in [0.25, 0.75] {
                let x = card.minX + card.width * fraction
                ports.append(Port(edge: Point(x: x, y: card.maxY), port: Point(x: x, y: card.maxY + self.clearance), direction: 1))
            }
            return ports
        }
        let starts = ports(source), ends = ports(target)
        var xs = Set<Double>([window.minX, window.maxX].map(clampX)), ys = Set<Double>([window.minY, window.maxY].map(clampY))
        for rect in obstacles { xs.insert(rect.minX); xs.insert(rect.maxX); ys.insert(rect.minY); ys.insert(rect.maxY) }
        for pair in starts + ends { xs.insert(pair.port.x); ys.insert(pair.port.y) }
        let gridX = xs.filter { $0 >= bounds.minX && $0 <= bounds.maxX }.sorted()
        let gridY = ys.filter { $0 >= bounds.minY && $0 <= bounds.maxY }.sorted()
        guard let (path, start, end) = search(gridX, gridY, obstacles, starts: starts, ends: ends) else { return nil }
        return simplify([start.edge] + path + [end.edge])
    }

    /// Where a label of `size` goes along `route`: on the longest horizontal run that holds it, else
    /// elsewhere along or beside the route, else the free spot nearest the route's middle. The box
    /// never covers a card or a box in `taken` (other labels) when any such spot is within `bounds`,
    /// and always lies inside `bounds`, so no label is cut off at the drawing's edge.
    func labelBox(size: Size, route points: [Point], taken: [Rect]) -> Rect? {
        guard points.count >= 2 else { return nil }
        let width = min(size.width, bounds.width), height = min(size.height, bounds.height)
        func box(_ x: Double, _ y: Double) -> Rect {
            Rect(x: min(max(x, bounds.minX), bounds.maxX - width), y: min(max(y, bounds.minY), bounds.maxY - height),
                 width: width, height: height)
        }
        var segments = Array(zip(points, points.dropFirst()))
        func length(_ s: (Point, Point)) -> Double { abs(s.1.x - s.0.x) + abs(s.1.y - s.0.y) }
        segments.sort { a, b in
            let fitA = a.0.y == a.1.y && length(a) >= width, fitB = b.0.y == b.1.y && length(b) >= width
            return fitA != fitB ? fitA : length(a) > length(b)
        }
        var candidates: [Rect] = []
        for (a, b) in segments {
            for t in [0.5, 0.3, 0.7, 0.15, 0.85] {
                let x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t
                candidates.append(box(x - width / 2, y - height / 2))
                if a.y == b.y {
                    candidates += [box(x - width / 2, y - height - 1), box(x - width / 2, y + 1)]
                } else {
                    candidates += [box(x + 2, y - height / 2), box(x - width - 2, y - height / 2)]
                }
            }
        }
        // Obstacles near the route (a wide window: the nearest free spot may be a few rows away).
        let reach = 40 * height + width
        let xs = points.map(\.x), ys = points.map(\.y)
        let window = Rect(x: (xs.min() ?? 0) - reach, y: (ys.min() ?? 0) - reach,
                          width: (xs.max() ?? 0) - (xs.min() ?? 0) + 2 * reach, height: (ys.max() ?? 0) - (ys.min() ?? 0) + 2 * reach)
        let obstacles = (cards + taken).filter { $0.intersects(window) }
        func isFree(_ rect: Rect) -> Bool { !obstacles.contains { $0.intersects(rect) } }
        if let free = candidates.first(where: isFree) { return free }
        // Rings of positions around the middle of the route, nearest first.
        let (a, b) = (points[(points.count - 1) / 2], points[points.count / 2])
        let centre = Point(x: (a.x + b.x) / 2 - width / 2, y: (a.y + b.y) / 2 - height / 2)
        let step = max(2, height / 2)
        for ring in 1...80 {
            let r = Double(ring) * step
            let count = max(8, ring * 8)
            var around: [Rect] = []
            for index in 0..<count {
                let angle = Double(index) / Double(count) * 2 * Double.pi
                around.append(box(centre.x + r * cos(angle) * max(1, width / height / 2), centre.y + r * sin(angle)))
            }
            if let free = around.first(where: isFree) { return free }
        }
        return candidates.first
    }

    /// Where a route may leave or reach a card: the point on the card, the point a clearance away, and
    /// the direction between them (0 horizontal, 1 vertical).
    struct Port {
        var edge: Point
        var port: Point
        var direction: Int
    }

    func inflate(_ rect: Rect) -> Rect {
        Rect(x: rect.minX - clearance, y: rect.minY - clearance, width: rect.width + 2 * clearance, height: rect.height + 2 * clearance)
    }
    func union(_ a: Rect, _ b: Rect) -> Rect {
        let minX = min(a.minX, b.minX), minY = min(a.minY, b.minY)
        return Rect(x: minX, y: minY, width: max(a.maxX, b.maxX) - minX, height: max(a.maxY, b.maxY) - minY)
    }
    func clampX(_ x: Double) -> Double { min(max(x, bounds.minX), bounds.maxX) }
    func clampY(_ y: Double) -> Double { min(max(y, bounds.minY), bounds.maxY) }

    /// True when the axis-parallel segment passes through the inside of an obstacle.
    func blocked(_ a: Point, _ b: Point, _ obstacles: [Rect]) -> Bool {
        let minX = min(a.x, b.x), maxX = max(a.x, b.x), minY = min(a.y, b.y), maxY = max(a.y, b.y)
        for rect in obstacles {
            if a.y == b.y {
                if rect.minY < a.y, a.y < rect.maxY, minX < rect.maxX, rect.minX < maxX { return true }
            } else if rect.minX < a.x, a.x < rect.maxX, minY < rect.maxY, rect.minY < maxY {
                return true
            }
        }
        return false
    }

    /// Dijkstra over grid points and arrival directions (0 horizontal, 1 vertical).
    func search(_ gridX: [Double], _ gridY: [Double], _ obstacles: [Rect], starts: [Port], ends: [Port]) -> ([Point], Port, Port)? {
        let columns = gridX.count, rows = gridY.count
        guard columns > 0, rows > 0 else { return nil }
        let states = columns * rows * 2
        var cost = [Double](repeating: .infinity, count: states)
        var previous = [Int](repeating: -1, count: states)
        var heap = MinHeap()
        func state(_ i: Int, _ j: Int, _ d: Int) -> Int { (j * columns + i) * 2 + d }
        func point(_ s: Int) -> Point { let cell = s / 2; return Point(x: gridX[cell % columns], y: gridY[cell / columns]) }
        var endAt: [Int: Port] = [:]
        for end in ends {
            guard let i = gridX.firstIndex(of: end.port.x), let j = gridY.firstIndex(of: end.port.y) else { continue }
            endAt[state(i, j, end.direction)] = end
        }
        var startAt: [Int: Port] = [:]
        for start in starts {
            guard let i = gridX.firstIndex(of: start.port.x), let j = gridY.firstIndex(of: start.port.y) else { continue }
            let s = state(i, j, start.direction)
            startAt[s] = start
            cost[s] = 0
            heap.push(0, s)
        }
        while let (current, s) = heap.pop() {
            guard current <= cost[s] else { continue }
            let here = point(s)
            if let end = endAt[s] {
                var path: [Point] = []
                var walk = s, first = s
                while walk >= 0 { path.append(point(walk)); first = walk; walk = previous[walk] }
                guard let start = startAt[first] else { return nil }
                return (path.reversed(), start, end)
            }
            let cell = s / 2, i = cell % columns, j = cell / columns, direction = s % 2
            for (di, dj, d) in [(1, 0, 0), (-1, 0, 0), (0, 1, 1), (0, -1, 1)] {
                let ni = i + di, nj = j + dj
                guard ni >= 0, ni < columns, nj >= 0, nj < rows else { continue }
                let next = Point(x: gridX[ni], y: gridY[nj])
                guard !blocked(here, next, obstacles) else { continue }
                let step = abs(next.x - here.x) + abs(next.y - here.y) + (d == direction ? 0 : bendPenalty)
                let n = state(ni, nj, d)
                if current + step < cost[n] {
                    cost[n] = current + step
                    previous[n] = s
                    heap.push(cost[n], n)
                }
            }
        }
        return nil
    }

    /// Drops points in the middle of straight runs.
    func simplify(_ points: [Point]) -> [Point] {
        var out: [Point] = []
        for point in points {
            if out.last == point { continue }
            if out.count >= 2 {
                let a = out[out.count - 2], b = out[out.count - 1]
                if (a.x == b.x && b.x == point.x) || (a.y == b.y && b.y == point.y) { out[out.count - 1] = point; continue }
            }
            out.append(point)
        }
        return out
    }
}

/// A binary min-heap of (cost, state) pairs for the route search.
struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func push(_ cost: Double, _ state: Int) {
        items.append((cost, state))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].0 < items[parent].0 else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, items[left].0 < items[smallest].0 { smallest = left }
                if right < items.count, items[right].0 < items[smallest].0 { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
