import FolioDisplay

/// Decides how an org chart fits the page: whole and scaled down, or split into parts.
///
/// A part is kept when, scaled to the frame, its text stays at or above the minimum size. A chart
/// too large for that keeps its top levels (as many as fit, found by binary search) and continues
/// every cut subtree in a part of its own, recursively; a row of roots too wide even on its own is
/// split into runs of roots. Each trial is a linear-time layout, so planning is O(n log depth).
final class OrgPlanner {
    let forest: OrgForest
    let style: OrgStyle
    let cards: OrgCardMaker
    let options: OrgOptions
    let frame: ChartFrame
    let composer: OrgComposer
    let diff: OrgDiff?
    private var baseCards: [OrgCard?]
    private var parts: [OrgPart] = []
    private var nextNumber = 2
    /// Sizing text for "continued" marks before the part numbers are known.
    static let placeholderMark = "continued in part 9999"

    init(forest: OrgForest, style: OrgStyle, cards: OrgCardMaker, options: OrgOptions, frame: ChartFrame,
         composer: OrgComposer, diff: OrgDiff?) {
        self.forest = forest
        self.style = style
        self.cards = cards
        self.options = options
        self.frame = frame
        self.composer = composer
        self.diff = diff
        baseCards = [OrgCard?](repeating: nil, count: forest.org.nodes.count)
    }

    /// The card of `node` without marks.
    func baseCard(_ node: Int) -> OrgCard {
        if let card = baseCards[node] { return card }
        let org = forest.org.nodes[node]
        let card = cards.card(for: org, mark: diff?.marks[org.id])
        baseCards[node] = card
        return card
    }

    /// Legend entries used by the shown cards.
    func legendEntries() -> [OrgLegendEntry] {
        var used = Set<OrgLegendEntry>()
        for node in forest.order { used.formUnion(baseCard(node).legend) }
        return used.sorted()
    }

    /// All parts, main part first.
    func plan() -> [OrgPart] {
        var queue: [(roots: [Int], header: Int?, from: Int?, number: Int)] = [(forest.roots, nil, nil, 1)]
        var head = 0
        while head < queue.count {
            let job = queue[head]
            head += 1
            let (part, more) = planPart(job.roots, header: job.header, from: job.from, number: job.number)
            parts.append(part)
            queue.append(contentsOf: more)
        }
        return parts.sorted { $0.number < $1.number }
    }

    /// The scale that fits a drawing of `size` into the frame (never above 1).
    func scale(for size: Size) -> Double {
        min(1, frame.width / max(size.width, 1), frame.maximumHeight / max(size.height, 1))
    }

    /// The smallest scale that keeps text legible.
    var minimumScale: Double { min(1, options.minimumTextSize / style.theme.textSize) }

    func fits(_ part: OrgPart) -> Bool {
        scale(for: composer.measure(part)) >= minimumScale - 1e-9
    }

    /// Card area per level below `roots` (a lower bound on the room each depth needs), cumulative.
    func areaByLevel(below roots: [Int]) -> [Double] {
        var area: [Double] = []
        var stack = roots.map { ($0, 0) }
        while let (node, level) = stack.popLast() {
            let card = baseCard(node)
            while area.count <= level { area.append(0) }
            area[level] += (card.width + style.siblingGap / 2) * (card.height + style.stackGap / 2)
            for child in forest.children[node] { stack.append((child, level + 1)) }
        }
        for level in area.indices.dropFirst() { area[level] += area[level - 1] }
        return area
    }

    /// False when cards of this much area cannot fit the frame at the smallest legible scale.
    func mayFit(area: Double) -> Bool {
        area * minimumScale * minimumScale <= frame.width * frame.maximumHeight
    }

    func trial(_ roots: [Int], header: Int?, from: Int?, number: Int, cutoff: Int?) -> OrgPart {
        let headerCard = header.map { baseCard($0).adding(cards.line("continued from part \(from ?? 1)", style.smallStyle),
                                                            anchor: composer.anchorName(from ?? 1), padding: style.padding) }
        let placement = OrgPlacement.place(forest, roots: roots, header: headerCard, cutoff: cutoff, style: style,
                                           stackThreshold: options.stackThreshold) { node in
            var card = self.baseCard(node)
            let level = self.relativeLevel(node, roots: roots)
            if let cutoff, level >= cutoff, !self.forest.children[node].isEmpty {
                card = card.adding(self.cards.line(OrgPlanner.placeholderMark, self.style.smallStyle), anchor: nil, padding: self.style.padding)
            } else if self.forest.hidden[node] > 0 {
                card = card.adding(self.cards.line("+\(self.forest.hidden[node]) more", self.style.smallStyle), anchor: nil,
                                   padding: self.style.padding)
            }
            return card
        }
        var index: [String: Int] = [:]
        if !forest.org.links.isEmpty {
            for (position, placed) in placement.cards.enumerated() where placed.node >= 0 { index[forest.org.nodes[placed.node].id] = position }
        }
        return OrgPart(number: number, roots: roots, header: header, fromPart: from, cutoff: cutoff, placement: placement, cardIndex: index)
    }

    /// Levels are counted from the part's roots, which all share a forest level.
    func relativeLevel(_ node: Int, roots: [Int]) -> Int {
        forest.level[node] - (roots.first.map { forest.level[$0] } ?? 0)
    }

    /// Plans one part; returns it and the jobs continuing its cut subtrees.
    func planPart(_ roots: [Int], header: Int?, from: Int?, number: Int)
        -> (OrgPart, [(roots: [Int], header: Int?, from: Int?, number: Int)]) {
        let area = areaByLevel(below: roots)
        if let total = area.last, mayFit(area: total) {
            let whole = trial(roots, header: header, from: from, number: number, cutoff: nil)
            if fits(whole) { return (whole, []) }
        }
        var low = 0, high = area.count - 2, best: OrgPart?
        while high > 0, !mayFit(area: area[high]) { high -= 1 }
        while low <= high {
            let middle = (low + high) / 2
            let candidate = trial(roots, header: header, from: from, number: number, cutoff: middle)
            if fits(candidate) { best = candidate; low = middle + 1 } else { high = middle - 1 }
        }
        if best == nil, roots.count > 1 {
            // Even the roots alone are too wide: keep the longest run of roots that fits.
            var low = 1, high = roots.count - 1, count = 1
            while low <= high {
                let middle = (low + high) / 2
                if fits(trial(Array(roots[..<middle]), header: header, from: from, number: number, cutoff: 0)) {
                    count = middle; low = middle + 1
                } else { high = middle - 1 }
            }
            let rest = Array(roots[count...])
            let restNumber = nextNumber
            nextNumber += 1
            let (part, more) = planPart(Array(roots[..<count]), header: header, from: from, number: number)
            return (part, more + [(rest, header, from, restNumber)])
        }
        var part = best ?? trial(roots, header: header, from: from, number: number, cutoff: 0)
        let cutoff = part.cutoff ?? 0
        var jobs: [(roots: [Int], header: Int?, from: Int?, number: Int)] = []
        for (position, placed) in part.placement.cards.enumerated() where placed.node >= 0 {
            let node = placed.node
            guard relativeLevel(node, roots: roots) == cutoff, !forest.children[node].isEmpty else { continue }
            let target = nextNumber
            nextNumber += 1
            var card = placed.card
            let line = cards.line("continued in part \(target)", style.smallStyle)
            card.lines[card.lines.count - 1].line = line
            card.lines[card.lines.count - 1].anchor = composer.anchorName(target)
            part.placement.cards[position].card = card
            jobs.append((forest.children[node], node, number, target))
        }
        return (part, jobs)
    }

}
