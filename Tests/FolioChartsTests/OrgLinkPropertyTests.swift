@testable import FolioCharts
import FolioDisplay
@testable import FolioModel
import XCTest

/// Link labels over many random orgs with random links (neighbours, siblings, parent and child,
/// far apart): no label covers a card or another label, and all text stays inside the drawing.
final class OrgLinkPropertyTests: XCTestCase {
    let theme = ChartTheme()
    let measurer = FixedAdvanceMeasurer()

    /// Label texts made for links: "rel N …" never occurs in a card.
    static let labelPrefix = "rel "

    func testRandomLinksKeepLabelsClearOfCardsAndEachOther() {
        let base = UInt64(20251130)
        for trial in 0..<400 {
            let seed = base &+ UInt64(trial)
            var rng = OrgSeededRandom(seed: seed)
            let count = Int.random(in: 2...(trial % 10 == 0 ? 60 : 18), using: &rng)
            var org = OrgFixtures.randomOrg(count: count, rng: &rng, roots: Int.random(in: 1...2, using: &rng),
                                            leafy: Bool.random(using: &rng))
            org.links = Self.randomLinks(org, count: Int.random(in: 1...6, using: &rng), rng: &rng)
            if let failure = check(org) {
                XCTFail("seed \(seed) (trial \(trial), \(count) nodes, \(org.links.count) links): \(failure)")
                return
            }
        }
    }

    /// The cases found by hand: a dotted link between two neighbouring cards, links between siblings
    /// in the bottom row, and a link from a card to its own parent.
    func testNeighbourAndSiblingLinks() {
        let rows: [(String, String, String?, String?)] = [("a", "Ahmad Al-Dahle", "Head of GenAI", nil),
                                                          ("b", "Yann LeCun", "Chief AI Scientist", "a"),
                                                          ("c", "Joelle Pineau", "VP Research", "a"),
                                                          ("d", "Tian Yuandong", "Research Director", "a")]
        let cases: [[(String, String)]] = [[("b", "c")], [("c", "d"), ("b", "d")], [("b", "a")], [("b", "c"), ("c", "b"), ("c", "d")]]
        for pairs in cases {
            let links = pairs.enumerated().map { index, pair in
                Org.Link(from: pair.0, to: pair.1, label: "\(Self.labelPrefix)\(index) core ideas", style: .dotted,
                         location: .start(of: OrgFixtures.file))
            }
            let org = OrgFixtures.org("neighbours", rows, links: links)
            XCTAssertNil(check(org), "\(pairs)")
        }
    }

    static func randomLinks(_ org: Org, count: Int, rng: inout OrgSeededRandom) -> [Org.Link] {
        let ids = org.nodes.map(\.id)
        let words = ["core ideas", "advises", "dotted line", "funds", "x", "shares infrastructure with"]
        var links: [Org.Link] = []
        for index in 0..<count {
            let from = Int.random(in: 0..<ids.count, using: &rng)
            // Neighbours (the next node is often a sibling or a child) as often as any other pair.
            var to = Bool.random(using: &rng) ? min(ids.count - 1, from + 1) : Int.random(in: 0..<ids.count, using: &rng)
            if to == from { to = from == 0 ? 1 : from - 1 }
            let label: String? = Int.random(in: 0..<5, using: &rng) == 0
                ? nil : "\(labelPrefix)\(index) \(words.randomElement(using: &rng) ?? "x")"
            links.append(Org.Link(from: ids[from], to: ids[to], label: label,
                                  style: OrgLinkStyle.allCases.randomElement(using: &rng) ?? .dotted,
                                  location: .start(of: OrgFixtures.file)))
        }
        return links
    }

    /// The first broken invariant of `org`'s chart, described, or nil.
    func check(_ org: Org) -> String? {
        let request = OrgRequest(org: org, baseline: nil, caption: nil, root: nil, depth: nil, options: OrgOptions())
        let chart = OrgChart.render(request, chartID: "links", frame: ChartFrame(width: 482, maximumHeight: 680), theme: theme,
                                    measurer: measurer)
        for (number, drawing) in ([chart.drawing] + chart.continuations).enumerated() {
            let page = Rect(x: 0, y: 0, width: drawing.size.width, height: drawing.size.height)
            var texts: [(Rect, String)] = [], rects: [Rect] = []
            Self.flatten(drawing.items, origin: .zero, scale: 1, texts: &texts, rects: &rects)
            let tolerance = 0.01
            for (bounds, text) in texts where !page.insetBy(-tolerance).contains(bounds) {
                return "part \(number + 1): text '\(text)' \(bounds) outside the drawing \(drawing.size)"
            }
            let labels = texts.filter { $0.1.hasPrefix(Self.labelPrefix) }
            let others = texts.filter { !$0.1.hasPrefix(Self.labelPrefix) }
            // A card is a rectangle holding card text (not the label boxes, which hold a label).
            let cards = rects.filter { rect in
                others.contains { rect.contains($0.0) } && !labels.contains { rect.contains($0.0) }
            }
            for (index, label) in labels.enumerated() {
                let box = label.0.insetBy(0.3)
                if let card = cards.first(where: { $0.intersects(box) }) {
                    return "part \(number + 1): label '\(label.1)' \(label.0) covers a card \(card)"
                }
                if let text = others.first(where: { $0.0.intersects(box) }) {
                    return "part \(number + 1): label '\(label.1)' \(label.0) covers text '\(text.1)' \(text.0)"
                }
                for other in labels[(index + 1)...] where other.0.insetBy(0.3).intersects(box) {
                    return "part \(number + 1): labels '\(label.1)' \(label.0) and '\(other.1)' \(other.0) overlap"
                }
            }
        }
        return nil
    }

    /// Every text's bounds and every rectangle, in drawing coordinates.
    static func flatten(_ items: [DisplayItem], origin: Point, scale: Double, texts: inout [(Rect, String)], rects: inout [Rect]) {
        func place(_ rect: Rect) -> Rect {
            Rect(x: origin.x + rect.minX * scale, y: origin.y + rect.minY * scale, width: rect.width * scale, height: rect.height * scale)
        }
        for item in items {
            switch item {
            case .text(let text): texts.append((place(text.bounds), text.line.text))
            case .rect(let rect): rects.append(place(rect.rect))
            case .group(let group):
                flatten(group.items, origin: Point(x: origin.x + group.origin.x * scale, y: origin.y + group.origin.y * scale),
                        scale: scale * group.scale, texts: &texts, rects: &rects)
            default: break
            }
        }
    }
}

extension Rect {
    /// The rectangle shrunk by `amount` on every side (grown when negative).
    func insetBy(_ amount: Double) -> Rect {
        Rect(x: minX + amount, y: minY + amount, width: max(0, width - 2 * amount), height: max(0, height - 2 * amount))
    }
}
