import FolioDisplay

/// Decides how an org chart fits the page: whole and scaled down, or split into parts.
///
/// The main part is kept when, scaled to the frame, its text stays at or above the minimum size.
/// A chart too large for that keeps its top levels (as many as fit, found by binary search) and
/// continues every cut subtree as a *piece*: the subtree under a header card repeating its parent.
/// Pieces are packed in order into continuation parts at the smallest legible scale, side by side
/// in shelves, so one page holds many small subtrees; a piece too large for a page on its own is
/// cut again the same way, recursively. A row of roots too wide even on its own is split into runs
/// of roots. Each trial is a linear-time layout of the levels tried, so planning is O(n log depth).
final class OrgPlanner {
    let forest: OrgForest
    let style: OrgStyle
    let cards: OrgCardMaker
    let options: OrgOptions
    /// The frame whose page numbers the marks name (set again by `label(for:)`; planning never reads them).
    private(set) var frame: ChartFrame
    var composer: OrgComposer
    let diff: OrgDiff?
    private var baseCards: [OrgCard?]
    /// Sizing text for "continued" marks and headers: plans never depend on the numbers they will show.
    static let placeholderMark = "continued on page 99999"
    static let placeholderFrom = "continued from page 99999"
    /// Cards whose "continued" mark names the part their subtree went to.
    private var marks: [(mark: (piece: Int, card: Int), part: Int)] = []

    /// A subtree still to place: its roots, the header card's node, the part that node is in, and
    /// the card (piece, card index) whose "continued" mark must name the part this lands in.
    struct Job {
        var roots: [Int]
        var header: Int?
        var from: Int?
        var mark: (piece: Int, card: Int)?
    }

    private var pieces: [OrgPiece] = []
    /// Piece indices of every part, in order (part 1 first).
    private var bins: [[Int]] = []
    /// Shelves of the part being filled: top, height and used width.
    private var shelves: [(y: Double, height: Double, width: Double)] {
        get { shelvesOfPart[bins.count] ?? [] }
        set { shelvesOfPart[bins.count] = newValue }
    }
    /// Shelves of every continuation part, by part number: a piece goes into the first part, from
    /// the one holding its header's card on, with room for it (first fit), so early parts fill up.
    private var shelvesOfPart: [Int: [(y: Double, height: Double, width: Double)]] = [:]

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

    /// The scale that fits a drawing of `size` into the frame (never above 1).
    func scale(for size: Size) -> Double {
        min(1, frame.width / max(size.width, 1), frame.maximumHeight / max(size.height, 1))
    }

    /// The smallest scale that keeps text legible.
    var minimumScale: Double { min(1, options.minimumTextSize / style.theme.textSize) }

    /// Room for the pieces of a continuation part at natural size (scaled to the frame at the minimum scale).
    lazy var bin: Size = {
        let unit = style.theme.textSize / 8.5
        let margin = forest.org.links.isEmpty ? 2.0 : 14 * unit
        let empty = composer.measure(OrgPart(number: 2, fromParts: [1, 2, 3], placement: .empty, cardIndex: [:]))
        let width = frame.width / minimumScale - 2 * margin - composer.slack - 1
        let height = frame.maximumHeight / minimumScale - empty.height - 2 * (margin - 2) - 1
        return Size(width: max(width, 1), height: max(height, 1))
    }()

    var pieceGap: Size { Size(width: 2 * style.siblingGap, height: style.levelGap) }

    /// All parts, main part first, their marks naming parts or pages as `frame` says.
    func plan() -> [OrgPart] {
        planPieces()
        return parts()
    }

    /// Names parts in every mark and header card as `frame` says ("part 3" or "page 14"): the plan
    /// itself is kept, so a document's second pass, which learns the pages, only relabels it.
    func label(for frame: ChartFrame) {
        self.frame = frame
        composer.frame = frame
        for (mark, part) in marks {
            var card = pieces[mark.piece].placement.cards[mark.card].card
            card.lines[card.lines.count - 1].line = cards.line(frame.continuedMark(part), style.smallStyle)
            card.lines[card.lines.count - 1].anchor = composer.anchorName(part)
            pieces[mark.piece].placement.cards[mark.card].card = card
        }
        for id in pieces.indices where pieces[id].header != nil {
            guard let index = pieces[id].placement.cards.firstIndex(where: { $0.node < 0 }) else { continue }
            var card = pieces[id].placement.cards[index].card
            card.lines[card.lines.count - 1].line = cards.line("continued from \(frame.partName(pieces[id].fromPart ?? 1))", style.smallStyle)
            pieces[id].placement.cards[index].card = card
        }
    }

    /// Plans every piece and packs the pieces into parts (marks still show their sizing text).
    private func planPieces() {
        var queue = [Job(roots: forest.roots, header: nil, from: nil, mark: nil)]
        var head = 0
        while head < queue.count {
            let job = queue[head]
            head += 1
            let main = bins.isEmpty
            let limit = main ? frame.width * frame.maximumHeight / (minimumScale * minimumScale) : bin.width * bin.height
            let fits: (OrgPlacement) -> Bool = main ? { self.mainFits($0) } : { [bin] in
                $0.size.width <= bin.width + 1e-9 && $0.size.height <= bin.height + 1e-9
            }
            stackRows = main ? 3 : 8
            var (piece, rest) = planPiece(job, fits: fits, limit: limit, split: !main)
            if main, let cutoff = piece.cutoff {
                // Taller stacks of the cut level's cards may let the main page show more levels.
                for rows in Self.mainStackRows.dropFirst() {
                    stackRows = rows
                    stackThreshold = min(options.stackThreshold, 2)
                    let (taller, tallerRest) = planPiece(job, fits: fits, limit: limit, split: false)
                    if (taller.cutoff ?? Int.max) > cutoff, tallerRest == nil || rest != nil {
                        (piece, rest) = (taller, tallerRest)
                        break
                    }
                }
                stackThreshold = options.stackThreshold
            }
            let id = pieces.count
            pieces.append(piece)
            if main {
                bins.append([id]); pieces[id].part = 1
            } else if bins.count < 2 || !placeInOpenPart(id, size: piece.placement.size, from: job.from ?? 2) {
                // Too large for what is left of this part: fill the room below its shelves with as
                // much of the job as fits there (more than its top row), or start a new part.
                let top = shelves.last.map { $0.y + $0.height + pieceGap.height } ?? 0
                let room = Size(width: bin.width, height: bin.height - top)
                var placed = false
                if bins.count >= 2, room.height >= bin.height * Self.smallestRoomShare {
                    let (smaller, left) = planPiece(job, fits: { $0.size.width <= room.width + 1e-9 && $0.size.height <= room.height + 1e-9 },
                                                    limit: room.width * room.height, split: true)
                    if smaller.cutoff ?? 1 >= 1 {
                        pieces[id] = smaller
                        placed = place(id, size: smaller.placement.size, gap: pieceGap)
                        if placed { (piece, rest) = (smaller, left) } else { pieces[id] = piece }
                    }
                }
                if !placed { pack(id) }
            }
            let part = pieces[id].part
            if let mark = job.mark { setMark(mark, part: part) }
            // A run of roots split off is placed right after its first run.
            if let rest { queue.insert(Job(roots: rest, header: job.header, from: job.from ?? 1, mark: nil), at: head) }
            let cutoff = piece.cutoff ?? 0
            if piece.cutoff != nil {
                for (position, placed) in piece.placement.cards.enumerated() where placed.node >= 0 {
                    let node = placed.node
                    guard relativeLevel(node, roots: job.roots) == cutoff, !forest.children[node].isEmpty else { continue }
                    queue.append(Job(roots: forest.children[node], header: node, from: part, mark: (id, position)))
                }
            }
        }
        label(for: frame)
    }

    /// How full each continuation part is: the area of its pieces (their bounding boxes) over the
    /// room a part has (`bin`), part 2 first. For measuring the packing.
    var continuationFill: [Double] {
        bins.dropFirst().map { members in
            members.reduce(0) { $0 + pieces[$1].placement.size.width * pieces[$1].placement.size.height } / (bin.width * bin.height)
        }
    }

    /// The parts as planned: each part's pieces merged into one placement.
    func parts() -> [OrgPart] {
        bins.enumerated().map { index, members in
            var placement = OrgPlacement.empty
            var froms: [Int] = []
            for id in members {
                placement.merge(pieces[id].placement, at: pieces[id].origin)
                if let from = pieces[id].fromPart, !froms.contains(from) { froms.append(from) }
            }
            return OrgPart(number: index + 1, fromParts: froms, placement: placement, cardIndex: cardIndex(placement))
        }
    }

    func cardIndex(_ placement: OrgPlacement) -> [String: Int] {
        var index: [String: Int] = [:]
        if !forest.org.links.isEmpty {
            for (position, placed) in placement.cards.enumerated() where placed.node >= 0 { index[forest.org.nodes[placed.node].id] = position }
        }
        return index
    }

    func mainFits(_ placement: OrgPlacement) -> Bool {
        let part = OrgPart(number: 1, fromParts: [], placement: placement, cardIndex: cardIndex(placement))
        return scale(for: composer.measure(part)) >= minimumScale - 1e-9
    }

    /// Records that the "continued" mark of a card already placed names part `part` (see `label(for:)`).
    func setMark(_ mark: (piece: Int, card: Int), part: Int) {
        marks.append((mark, part))
    }

    /// Puts piece `id` into the part being filled (first shelf with room), or starts a new part.
    func pack(_ id: Int) {
        let size = pieces[id].placement.size
        let gap = pieceGap
        if bins.count < 2 || !place(id, size: size, gap: gap) {
            bins.append([])
            shelves = []
            _ = place(id, size: size, gap: gap)
        }
    }

    /// Places piece `id` in the first continuation part from `from` on with room for it.
    func placeInOpenPart(_ id: Int, size: Size, from: Int) -> Bool {
        for part in max(2, from)...max(2, bins.count) where part <= bins.count {
            if place(id, size: size, gap: pieceGap, part: part) { return true }
        }
        return false
    }

    func place(_ id: Int, size: Size, gap: Size, part: Int? = nil) -> Bool {
        let part = part ?? bins.count
        var shelves = shelvesOfPart[part] ?? []
        defer { shelvesOfPart[part] = shelves }
        var origin: Point?
        for (index, shelf) in shelves.enumerated() {
            let x = shelf.width + gap.width
            guard x + size.width <= bin.width + 1e-9 else { continue }
            let last = index == shelves.count - 1
            if size.height <= shelf.height || (last && shelf.y + size.height <= bin.height + 1e-9) {
                origin = Point(x: x, y: shelf.y)
                shelves[index].width = x + size.width
                shelves[index].height = max(shelf.height, size.height)
                break
            }
        }
        if origin == nil {
            let y = shelves.last.map { $0.y + $0.height + gap.height } ?? 0
            // An empty part takes any piece (one too large for a page is only possible on a tiny frame).
            guard shelves.isEmpty || y + size.height <= bin.height + 1e-9 else { return false }
            origin = Point(x: 0, y: y)
            shelves.append((y: y, height: size.height, width: size.width))
        }
        pieces[id].origin = origin ?? .zero
        pieces[id].part = part
        bins[part - 1].append(id)
        return true
    }

    /// Card area per level below `roots` (a lower bound on the room each depth needs), cumulative;
    /// the walk stops after the first level whose total exceeds `limit` (`complete` is then false).
    func areaByLevel(below roots: [Int], limit: Double) -> (area: [Double], complete: Bool) {
        var area: [Double] = []
        var level = roots
        var total = 0.0
        while !level.isEmpty {
            var next: [Int] = []
            for node in level {
                let card = baseCard(node)
                total += (card.width + style.siblingGap / 2) * (card.height + style.stackGap / 2)
                next.append(contentsOf: forest.children[node])
            }
            area.append(total)
            if total > limit { return (area, next.isEmpty) }
            level = next
        }
        return (area, true)
    }

    /// Card area of every node's whole subtree (with the gaps `areaByLevel` counts).
    lazy var subtreeArea: [Double] = {
        var area = [Double](repeating: 0, count: forest.org.nodes.count)
        for node in forest.order.reversed() {
            let card = baseCard(node)
            area[node] += (card.width + style.siblingGap / 2) * (card.height + style.stackGap / 2)
            for child in forest.children[node] { area[node] += area[child] }
        }
        return area
    }()

    /// Continuation pieces stack leaves in taller columns: their pages have more height than width to spare.
    var stackRows: Double = 3
    /// The shortest run of leaf siblings stacked (the main part may stack shorter runs to show more levels).
    lazy var stackThreshold = options.stackThreshold
    /// The least room (share of a part's height) left under a part's shelves that a piece is cut to fill.
    static let smallestRoomShare = 0.08
    /// Stack shapes the main part tries in turn, until one shows more levels than the first.
    static let mainStackRows: [Double] = [3, 8, 24]

    func trial(_ roots: [Int], header: Int?, from: Int?, cutoff: Int?) -> OrgPlacement {
        let headerCard = header.map { baseCard($0).adding(cards.line(OrgPlanner.placeholderFrom, style.smallStyle),
                                                            anchor: composer.anchorName(from ?? 1), padding: style.padding) }
        return OrgPlacement.place(forest, roots: roots, header: headerCard, cutoff: cutoff, style: style,
                                  stackThreshold: stackThreshold, stackRows: stackRows) { node in
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
    }

    /// Levels are counted from the part's roots, which all share a forest level.
    func relativeLevel(_ node: Int, roots: [Int]) -> Int {
        forest.level[node] - (roots.first.map { forest.level[$0] } ?? 0)
    }

    /// Places as much of `job` as `fits`: the whole subtree, or its top levels; returns the piece
    /// and, when even the roots alone are too wide, the roots left for another piece.
    /// With `split`, a job whose subtrees do not all fit keeps the longest run of roots whose whole
    /// subtrees fit, leaving the other roots for the next piece, before it cuts levels.
    func planPiece(_ job: Job, fits: (OrgPlacement) -> Bool, limit: Double, split: Bool = false) -> (OrgPiece, [Int]?) {
        let roots = job.roots
        func piece(_ placement: OrgPlacement, _ cutoff: Int?, _ roots: [Int]) -> OrgPiece {
            OrgPiece(roots: roots, header: job.header, fromPart: job.from, cutoff: cutoff, placement: placement)
        }
        let (area, complete) = areaByLevel(below: roots, limit: limit)
        if complete, let total = area.last, total <= limit {
            let whole = trial(roots, header: job.header, from: job.from, cutoff: nil)
            if fits(whole) { return (piece(whole, nil, roots), nil) }
        }
        if split, roots.count > 1, subtreeArea[roots[0]] <= limit,
           let first = Optional(trial([roots[0]], header: job.header, from: job.from, cutoff: nil)), fits(first) {
            var best = (first, 1)
            var total = subtreeArea[roots[0]], high = 1
            while high + 1 < roots.count, total + subtreeArea[roots[high]] <= limit { total += subtreeArea[roots[high]]; high += 1 }
            var low = 2
            while low <= high {
                let middle = (low + high) / 2
                let candidate = trial(Array(roots[..<middle]), header: job.header, from: job.from, cutoff: nil)
                if fits(candidate) { best = (candidate, middle); low = middle + 1 } else { high = middle - 1 }
            }
            return (piece(best.0, nil, Array(roots[..<best.1])), Array(roots[best.1...]))
        }
        var low = 0, high = area.count - 2
        var best: (OrgPlacement, Int)?
        while high > 0, area[high] > limit { high -= 1 }
        while low <= high {
            let middle = (low + high) / 2
            let candidate = trial(roots, header: job.header, from: job.from, cutoff: middle)
            if fits(candidate) { best = (candidate, middle); low = middle + 1 } else { high = middle - 1 }
        }
        if best == nil, roots.count > 1 {
            // Even the roots alone are too wide: keep the longest run of roots that fits.
            var low = 1, high = roots.count - 1, count = 1
            while low <= high {
                let middle = (low + high) / 2
                if fits(trial(Array(roots[..<middle]), header: job.header, from: job.from, cutoff: 0)) {
                    count = middle; low = middle + 1
                } else { high = middle - 1 }
            }
            var run = job
            run.roots = Array(roots[..<count])
            let (first, _) = planPiece(run, fits: fits, limit: limit)
            return (first, Array(roots[count...]))
        }
        let chosen = best ?? (trial(roots, header: job.header, from: job.from, cutoff: 0), 0)
        return (piece(chosen.0, chosen.1, roots), nil)
    }
}
