import FolioDisplay

/// Moving display items from unit coordinates to page coordinates.
extension DisplayItem {
    func translated(dx: Double, dy: Double) -> DisplayItem {
        func move(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
        switch self {
        case .text(var item):
            item.origin = move(item.origin)
            return .text(item)
        case .rect(var item):
            item.rect = item.rect.offsetBy(dx: dx, dy: dy)
            return .rect(item)
        case .line(var item):
            item.from = move(item.from)
            item.to = move(item.to)
            return .line(item)
        case .path(var item):
            item.elements = item.elements.map { element in
                switch element {
                case .move(let p): return .move(move(p))
                case .line(let p): return .line(move(p))
                case .curve(let a, let b, let c): return .curve(move(a), move(b), move(c))
                case .arc(let center, let radius, let start, let end): return .arc(center: move(center), radius: radius, start: start, end: end)
                case .close: return .close
                }
            }
            return .path(item)
        case .image(var item):
            item.rect = item.rect.offsetBy(dx: dx, dy: dy)
            return .image(item)
        case .link(var item):
            item.rect = item.rect.offsetBy(dx: dx, dy: dy)
            return .link(item)
        case .anchor(var item):
            item.point = move(item.point)
            return .anchor(item)
        case .group(var item):
            item.origin = move(item.origin)
            return .group(item)
        case .structure: return self
        }
    }
}
