import FolioDisplay

/// How a card is framed: border colour and dash, fill, and whether it is faded.
struct OrgCardLook: Hashable {
    var stroke: Color
    var strokeWidth: Double
    var dash: [Double]
    var fill: Color
    var faded: Bool
}

/// One keyed entry of the legend (a look and what it means); the order of cases is the legend order.
enum OrgLegendEntry: Int, CaseIterable, Comparable {
    case added, removed, moved, changed, new, movedStatus, departed, vacant

    static func < (a: OrgLegendEntry, b: OrgLegendEntry) -> Bool { a.rawValue < b.rawValue }

    var label: String {
        switch self {
        case .added: return "Added since the earlier chart"
        case .removed: return "Removed (in its old place)"
        case .moved: return "Moved (old manager named)"
        case .changed: return "Renamed or retitled"
        case .new: return "New"
        case .movedStatus: return "Moved"
        case .departed: return "Departed"
        case .vacant: return "Vacant"
        }
    }
}

/// A measured card: its size, its lines of text (baseline offsets from the card's top) and its look.
struct OrgCard {
    struct Line {
        var line: TextLine
        /// Baseline offset from the card's top.
        var baseline: Double
        /// A link target for the line (the "continued" mark), if any.
        var anchor: String?
    }

    var width: Double
    var height: Double
    var lines: [Line]
    var look: OrgCardLook
    /// Legend entries this card uses.
    var legend: Set<OrgLegendEntry>

    /// Draws the card with its top-left corner at `origin`, its corners rounded by `cornerRadius`.
    func items(at origin: Point, cornerRadius: Double) -> [DisplayItem] {
        var items: [DisplayItem] = [
            .rect(RectItem(rect: Rect(x: origin.x, y: origin.y, width: width, height: height), fill: look.fill,
                           stroke: Stroke(color: look.faded ? look.stroke.withAlpha(0.6) : look.stroke, width: look.strokeWidth,
                                          dash: look.dash), cornerRadius: cornerRadius)),
        ]
        for line in lines {
            let x = origin.x + (width - line.line.width) / 2
            let text = TextItem(origin: Point(x: x, y: origin.y + line.baseline), line: line.line)
            items.append(.text(text))
            if let anchor = line.anchor { items.append(.link(LinkItem(rect: text.bounds, target: .anchor(anchor)))) }
        }
        return items
    }

    /// This card with one more line at the bottom (a "continued" or "more" mark).
    func adding(_ line: TextLine, anchor: String?, padding: Double) -> OrgCard {
        var card = self
        let top = height - padding + 2
        card.lines.append(Line(line: line, baseline: top + line.ascent, anchor: anchor))
        card.height = top + line.height + padding
        card.width = max(width, line.width + 2 * padding)
        return card
    }
}
