import FolioDisplay

/// Where every card of one part of an org chart goes, and the connectors between them.
///
/// Cards of a level share a row; a run of at least `stackThreshold` leaf siblings is stacked in
/// columns under its parent (each column hangs from a vertical spine); the tidy tree layout places
/// everything else. All coordinates are in points with (0, 0) at the top left of the part.
struct OrgPlacement {
    /// A placed card: the org node it shows (-1 for the "continued" header card) and its frame.
    struct Placed {
        var node: Int
        var rect: Rect
        var card: OrgCard
    }

    /// A parent and its children as drawn: indices into `cards`, and the connector segments.
    struct Family {
        var parent: Int
        var children: [Int]
        /// Children drawn stacked in columns, column by column.
        var columns: [[Int]]
        var segments: [(Point, Point)]
    }

    var cards: [Placed]
    var families: [Family]
    var size: Size

    /// One box of the tidy layout: a card, or a stack of leaf cards in columns.
    enum Box {
        case root
        case card(Int)
        case stack([[Int]])
    }

    /// Places `roots` (with `header` above them, if any) down to `cutoff` levels below the roots; a
    /// stack of n leaves gets about √(n / `stackRows`) columns (higher values make taller, narrower stacks).
    static func place(_ forest: OrgForest, roots: [Int], header: OrgCard?, cutoff: Int?, style: OrgStyle,
                      stackThreshold: Int, stackRows: Double = 3, card: (Int) -> OrgCard) -> OrgPlacement {
        var cards: [Placed] = []
        var boxes: [Box] = [header == nil ? .root : .card(0)]
        if let header { cards.append(Placed(node: -1, rect: Rect(x: 0, y: 0, width: header.width, height: header.height), card: header)) }
        var boxChildren: [[Int]] = [[]]
        var boxLevel = [0]
        var boxOwner = [-1]  // card index of the box's card (or -1)
        if header != nil { boxOwner[0] = 0 }
        let rootLevel = header == nil ? 0 : 1

        // Build boxes top-down: (node, box index of its card, row). Rows count from the header.
        func shownChildren(_ node: Int, row: Int) -> [Int] {
            if let cutoff, row - rootLevel >= cutoff { return [] }
            return forest.children[node]
        }
        func addBoxes(for nodes: [Int], under parentBox: Int, level: Int, queue: inout [(Int, Int, Int)]) {
            var index = 0
            while index < nodes.count {
                var end = index
                while end < nodes.count, shownChildren(nodes[end], row: level).isEmpty { end += 1 }
                if stackThreshold > 0, end - index >= stackThreshold {
                    let run = Array(nodes[index..<end])
                    let columnCount = max(1, Int((Double(run.count) / stackRows).squareRoot().rounded(.up)))
                    let perColumn = (run.count + columnCount - 1) / columnCount
                    var columns: [[Int]] = []
                    for start in stride(from: 0, to: run.count, by: perColumn) {
                        columns.append(run[start..<min(run.count, start + perColumn)].map { node in
                            cards.append(Placed(node: node, rect: Rect(x: 0, y: 0, width: 0, height: 0), card: card(node)))
                            return cards.count - 1
                        })
                    }
                    boxes.append(.stack(columns)); boxChildren.append([]); boxLevel.append(level); boxOwner.append(-1)
                    boxChildren[parentBox].append(boxes.count - 1)
                    index = end
                    continue
                }
                let node = nodes[index]
                let made = card(node)
                cards.append(Placed(node: node, rect: Rect(x: 0, y: 0, width: made.width, height: made.height), card: made))
                boxes.append(.card(cards.count - 1)); boxChildren.append([]); boxLevel.append(level); boxOwner.append(cards.count - 1)
                boxChildren[parentBox].append(boxes.count - 1)
                queue.append((node, boxes.count - 1, level))
                index += 1
            }
        }
        var queue: [(Int, Int, Int)] = []
        addBoxes(for: roots, under: 0, level: rootLevel, queue: &queue)
        var head = 0
        while head < queue.count {
            let (node, box, level) = queue[head]
            head += 1
            addBoxes(for: shownChildren(node, row: level), under: box, level: level + 1, queue: &queue)
        }

        // Stack geometry, relative to the stack's top-left corner.
        var stackSize: [Int: Size] = [:]
        for (index, box) in boxes.enumerated() {
            guard case .stack(let columns) = box else { continue }
            var left = 0.0, height = 0.0
            for column in columns {
                var y = 0.0, width = 0.0
                for member in column {
                    cards[member].rect = Rect(x: left + style.stackIndent, y: y, width: cards[member].card.width,
                                              height: cards[member].card.height)
                    y += cards[member].card.height + style.stackGap
                    width = max(width, cards[member].card.width)
                }
                height = max(height, y - style.stackGap)
                left += style.stackIndent + width + style.columnGap
            }
            stackSize[index] = Size(width: left - style.columnGap, height: height)
        }

        // Row heights per level, then the tidy layout.
        let levels = (boxLevel.max() ?? 0) + 1
        var rowHeight = [Double](repeating: 0, count: levels)
        for (index, box) in boxes.enumerated() {
            if case .card(let member) = box { rowHeight[boxLevel[index]] = max(rowHeight[boxLevel[index]], cards[member].card.height) }
        }
        var widths = [Double](repeating: 0, count: boxes.count), heights = widths
        for (index, box) in boxes.enumerated() {
            switch box {
            case .root: break
            case .card(let member):
                widths[index] = cards[member].card.width + style.siblingGap
                heights[index] = rowHeight[boxLevel[index]] + style.levelGap
            case .stack:
                let size = stackSize[index] ?? Size(width: 0, height: 0)
                widths[index] = size.width + style.siblingGap
                heights[index] = size.height + style.levelGap
            }
        }
        let (x, y) = TidyLayout(width: widths, height: heights, children: boxChildren).place(root: 0)
        let minX = zip(x, widths).filter { $0.1 > 0 }.map(\.0).min() ?? 0
        let half = style.siblingGap / 2
        var maxX = 0.0, maxY = 0.0
        for (index, box) in boxes.enumerated() {
            let left = x[index] - minX + half, top = y[index]
            switch box {
            case .root: continue
            case .card(let member):
                let width = cards[member].card.width
                cards[member].rect = Rect(x: left, y: top, width: width, height: cards[member].card.height)
            case .stack(let columns):
                for member in columns.joined() { cards[member].rect = cards[member].rect.offsetBy(dx: left, dy: top) }
            }
            maxX = max(maxX, left + widths[index] - style.siblingGap)
        }
        for placed in cards { maxY = max(maxY, placed.rect.maxY) }

        // Connectors: parent → bus → children (cards at their top centre, stacks along column spines).
        var families: [Family] = []
        for index in boxes.indices where !boxChildren[index].isEmpty && boxOwner[index] >= 0 {
            let parent = boxOwner[index]
            let parentRect = cards[parent].rect
            let px = parentRect.minX + parentRect.width / 2
            let busY = y[index] + rowHeight[boxLevel[index]] + style.levelGap / 2
            var family = Family(parent: parent, children: [], columns: [], segments: [])
            var drops: [Double] = [px]
            family.segments.append((Point(x: px, y: parentRect.maxY), Point(x: px, y: busY)))
            for childBox in boxChildren[index] {
                switch boxes[childBox] {
                case .root: break
                case .card(let member):
                    let rect = cards[member].rect
                    let cx = rect.minX + rect.width / 2
                    drops.append(cx)
                    family.children.append(member)
                    family.segments.append((Point(x: cx, y: busY), Point(x: cx, y: rect.minY)))
                case .stack(let columns):
                    for column in columns {
                        guard let first = column.first, let last = column.last else { continue }
                        let spine = cards[first].rect.minX - style.stackIndent / 2
                        drops.append(spine)
                        let lastMid = cards[last].rect.minY + cards[last].rect.height / 2
                        family.segments.append((Point(x: spine, y: busY), Point(x: spine, y: lastMid)))
                        for member in column {
                            let rect = cards[member].rect
                            let mid = rect.minY + rect.height / 2
                            family.segments.append((Point(x: spine, y: mid), Point(x: rect.minX, y: mid)))
                            family.children.append(member)
                        }
                        family.columns.append(column)
                    }
                }
            }
            if let low = drops.min(), let high = drops.max(), high - low > 0.01 {
                family.segments.append((Point(x: low, y: busY), Point(x: high, y: busY)))
            }
            families.append(family)
        }
        return OrgPlacement(cards: cards, families: families, size: Size(width: maxX, height: maxY))
    }
}
