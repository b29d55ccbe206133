@testable import FolioCharts
import FolioDisplay
import XCTest

/// Geometric invariants of org placement over thousands of random trees (seed printed on failure).
final class OrgLayoutPropertyTests: XCTestCase {
    let style = OrgStyle(theme: ChartTheme())
    let measurer = FixedAdvanceMeasurer()

    func testRandomTreesKeepTheInvariants() {
        let base = UInt64(20251101)
        for trial in 0..<2000 {
            let seed = base &+ UInt64(trial)
            var rng = OrgSeededRandom(seed: seed)
            let count = Int.random(in: 1...(trial % 10 == 0 ? 160 : 40), using: &rng)
            let org = OrgFixtures.randomOrg(count: count, rng: &rng, roots: Int.random(in: 1...3, using: &rng),
                                            leafy: Bool.random(using: &rng))
            let forest = OrgForest(org, depth: trial % 7 == 0 ? Int.random(in: 0...3, using: &rng) : nil)
            let cards = OrgCardMaker(style: style, measurer: measurer)
            let threshold = [0, 3, 5, 8].randomElement(using: &rng) ?? 5
            let placement = OrgPlacement.place(forest, roots: forest.roots, header: nil, cutoff: nil, style: style,
                                               stackThreshold: threshold) { cards.card(for: org.nodes[$0], mark: nil) }
            if let failure = check(placement, forest: forest) {
                XCTFail("seed \(seed) (trial \(trial), \(count) nodes, stack \(threshold)): \(failure)")
                return
            }
        }
    }

    func testDeepAndWideExtremes() {
        // A 1,500-deep chain and a 1,500-node star must neither crash nor break the invariants.
        let chain = OrgFixtures.org("chain", (0..<1500).map { ("n\($0)", "Node \($0)", nil, $0 == 0 ? nil : "n\($0 - 1)") })
        let star = OrgFixtures.org("star", (0..<1500).map { ("n\($0)", "Node \($0)", nil, $0 == 0 ? nil : "n\($0 % 7 == 0 ? 0 : $0 - $0 % 7)") })
        for org in [chain, star] {
            let forest = OrgForest(org)
            let cards = OrgCardMaker(style: style, measurer: measurer)
            let placement = OrgPlacement.place(forest, roots: forest.roots, header: nil, cutoff: nil, style: style,
                                               stackThreshold: 5) { cards.card(for: org.nodes[$0], mark: nil) }
            XCTAssertNil(check(placement, forest: forest), org.id)
        }
    }

    /// The first broken invariant, described, or nil.
    func check(_ placement: OrgPlacement, forest: OrgForest) -> String? {
        let cards = placement.cards
        let page = Rect(x: 0, y: 0, width: placement.size.width, height: placement.size.height)
        // Every shown node has exactly one card, inside the drawing.
        guard cards.count == forest.order.count else { return "\(cards.count) cards for \(forest.order.count) nodes" }
        for placed in cards where !page.contains(placed.rect) { return "card \(placed.node) \(placed.rect) outside \(page)" }
        // No two cards overlap (sweep by left edge).
        let sorted = cards.indices.sorted { cards[$0].rect.minX < cards[$1].rect.minX }
        for (position, a) in sorted.enumerated() {
            var next = position + 1
            while next < sorted.count, cards[sorted[next]].rect.minX < cards[a].rect.maxX {
                if cards[a].rect.intersects(cards[sorted[next]].rect) {
                    return "cards \(cards[a].node) and \(cards[sorted[next]].node) overlap: \(cards[a].rect) \(cards[sorted[next]].rect)"
                }
                next += 1
            }
        }
        for family in placement.families {
            let parent = cards[family.parent]
            // Child order kept: the family lists the node's children in the order written.
            let expected = forest.children[parent.node]
            guard family.children.map({ cards[$0].node }) == expected else { return "children of \(parent.node) out of order" }
            let stacked = Set(family.columns.joined())
            var lastX = -Double.infinity
            for child in family.children where !stacked.contains(child) {
                guard cards[child].rect.minX > lastX else { return "children of \(parent.node) not left to right" }
                lastX = cards[child].rect.minX
                guard cards[child].rect.minY >= parent.rect.maxY else { return "child \(cards[child].node) above its parent" }
            }
            var lastColumn = -Double.infinity
            for column in family.columns {
                guard let first = column.first, cards[first].rect.minX > lastColumn else { return "columns of \(parent.node) out of order" }
                lastColumn = cards[first].rect.minX
                for (a, b) in zip(column, column.dropFirst()) where cards[b].rect.minY < cards[a].rect.maxY {
                    return "stacked cards of \(parent.node) out of order"
                }
            }
            // Parent centred over the span of its children (stack columns count from their spine).
            var left = Double.infinity, right = -Double.infinity
            for child in family.children {
                right = max(right, cards[child].rect.maxX)
                left = min(left, cards[child].rect.minX - (stacked.contains(child) ? style.stackIndent : 0))
            }
            let centre = parent.rect.minX + parent.rect.width / 2
            guard abs(centre - (left + right) / 2) < 0.01 else {
                return "parent \(parent.node) centred at \(centre), children span \(left)…\(right)"
            }
            // Connectors end on cards: the first leaves the parent's bottom, one reaches every child.
            guard let first = family.segments.first, abs(first.0.y - parent.rect.maxY) < 0.01, abs(first.0.x - centre) < 0.01 else {
                return "connector of \(parent.node) does not start on its card"
            }
            for child in family.children {
                let rect = cards[child].rect
                let reached = family.segments.contains { segment in
                    let end = segment.1
                    return (abs(end.y - rect.minY) < 0.01 && abs(end.x - (rect.minX + rect.width / 2)) < 0.01)
                        || (abs(end.x - rect.minX) < 0.01 && abs(end.y - (rect.minY + rect.height / 2)) < 0.01)
                }
                guard reached else { return "no connector reaches card \(cards[child].node)" }
            }
        }
        return nil
    }
}
