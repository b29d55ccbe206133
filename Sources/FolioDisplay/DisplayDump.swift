/// A stable, line-per-item text dump of display items, for tests that compare layouts as text.
public enum DisplayDump {
    public static func dump(_ page: Page) -> String {
        "page \(page.number) \(format(page.size.width))x\(format(page.size.height))\n" + dump(page.items, indent: "  ")
    }

    public static func dump(_ items: [DisplayItem], indent: String = "") -> String {
        var out = ""
        for item in items { out += line(for: item, indent: indent) }
        return out
    }

    static func line(for item: DisplayItem, indent: String) -> String {
        switch item {
        case .text(let t):
            return "\(indent)text \(point(t.origin)) w=\(format(t.line.drawnWidth)) \(quote(t.line.text))\n"
        case .rect(let r):
            return "\(indent)rect \(rect(r.rect))\(r.fill.map { " fill=\($0.hex)" } ?? "")\(r.stroke.map { " stroke=\($0.color.hex)" } ?? "")\n"
        case .line(let l):
            return "\(indent)line \(point(l.from))-\(point(l.to))\n"
        case .path(let p):
            return "\(indent)path \(p.elements.count) elements\n"
        case .image(let i):
            return "\(indent)image \(rect(i.rect)) \(i.data?.key ?? String(i.path.split(separator: "/").last ?? ""))\n"
        case .link(let l):
            switch l.target {
            case .uri(let uri): return "\(indent)link \(rect(l.rect)) uri=\(uri)\n"
            case .anchor(let name): return "\(indent)link \(rect(l.rect)) #\(name)\n"
            }
        case .anchor(let a):
            return "\(indent)anchor \(a.name) \(point(a.point))\(a.outlineTitle.map { " outline[\(a.outlineLevel)]=\(quote($0))" } ?? "")\n"
        case .group(let g):
            return "\(indent)group \(point(g.origin)) scale=\(format(g.scale))\(g.rotation == 0 ? "" : " rotation=\(format(g.rotation))")\n" + dump(g.items, indent: indent + "  ")
        case .structure(let mark):
            switch mark {
            case .begin(let element): return "\(indent)begin \(element.role.rawValue)\n"
            case .end: return "\(indent)end\n"
            }
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
    static func point(_ p: Point) -> String { "(\(format(p.x)),\(format(p.y)))" }
    static func rect(_ r: Rect) -> String { "[\(format(r.x)),\(format(r.y)) \(format(r.width))x\(format(r.height))]" }
    static func quote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
