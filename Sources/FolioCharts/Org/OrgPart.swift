import FolioDisplay

/// One drawing of an org chart: the whole chart, or a page of a chart split across pages.
///
/// The main part shows the top levels; a continuation part packs one or more pieces (cut subtrees,
/// each under a header card repeating the node it continues) side by side in shelves.
struct OrgPart {
    /// 1 for the main drawing, then the continuations in order.
    var number: Int
    /// The parts whose cut subtrees this part continues, in order of first appearance (empty for the main part).
    var fromParts: [Int]
    /// Every piece's cards and connectors, moved to where the piece sits in the part.
    var placement: OrgPlacement
    /// Card index by node id (filled only when the org has links).
    var cardIndex: [String: Int]

    /// The part in which this part's first header appears.
    var fromPart: Int? { fromParts.first }
}

/// A subtree placed on its own, before it is packed into a part.
struct OrgPiece {
    /// The top nodes shown (below the header card, if any).
    var roots: [Int]
    /// The node whose reports this piece continues (drawn as a header card), or nil for the main part.
    var header: Int?
    /// The part in which `header` appears.
    var fromPart: Int?
    /// Levels shown below the roots before subtrees continue elsewhere; nil when nothing is cut.
    var cutoff: Int?
    var placement: OrgPlacement
    /// The part this piece was packed into, and its top-left corner there.
    var part = 0
    var origin = Point.zero
}

extension OrgPlacement {
    /// An empty placement to merge pieces into.
    static var empty: OrgPlacement { OrgPlacement(cards: [], families: [], size: Size(width: 0, height: 0)) }

    /// Adds `other`'s cards and connectors moved by `offset`.
    mutating func merge(_ other: OrgPlacement, at offset: Point) {
        let base = cards.count
        for placed in other.cards {
            cards.append(Placed(node: placed.node, rect: placed.rect.offsetBy(dx: offset.x, dy: offset.y), card: placed.card))
        }
        for family in other.families {
            families.append(Family(parent: family.parent + base, children: family.children.map { $0 + base },
                                   columns: family.columns.map { $0.map { $0 + base } },
                                   segments: family.segments.map { (a, b) in
                                       (Point(x: a.x + offset.x, y: a.y + offset.y), Point(x: b.x + offset.x, y: b.y + offset.y))
                                   }))
        }
        size = Size(width: max(size.width, offset.x + other.size.width), height: max(size.height, offset.y + other.size.height))
    }
}
