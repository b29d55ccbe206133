/// The reporting tree of an org as index lists, cut to the requested root and depth.
struct OrgForest {
    let org: Org
    /// Shown roots, in order.
    let roots: [Int]
    /// Shown children of every node, in the order written (empty below the depth limit).
    let children: [[Int]]
    /// Level of every shown node below its root (roots are 0); -1 for nodes not shown.
    let level: [Int]
    /// Descendants hidden by the depth limit, per node.
    let hidden: [Int]
    /// Shown nodes in preorder.
    let order: [Int]

    /// The forest of `org`, showing `root`'s subtree (or every root) to `depth` levels below it.
    init(_ org: Org, root: String? = nil, depth: Int? = nil) {
        self.org = org
        let count = org.nodes.count
        var all = [[Int]](repeating: [], count: count)
        var tops: [Int] = []
        for (position, node) in org.nodes.enumerated() {
            if let parent = node.parent, let index = org.index[parent] { all[index].append(position) } else { tops.append(position) }
        }
        if let root, let index = org.index[root] { tops = [index] }
        var level = [Int](repeating: -1, count: count)
        var hidden = [Int](repeating: 0, count: count)
        var shown = [[Int]](repeating: [], count: count)
        var order: [Int] = []
        var stack = Array(tops.reversed())
        for top in tops { level[top] = 0 }
        while let node = stack.popLast() {
            order.append(node)
            if let depth, level[node] >= depth {
                hidden[node] = OrgForest.descendants(of: node, in: all)
                continue
            }
            shown[node] = all[node]
            for child in all[node] { level[child] = level[node] + 1 }
            stack.append(contentsOf: all[node].reversed())
        }
        self.roots = tops
        self.children = shown
        self.level = level
        self.hidden = hidden
        self.order = order
    }

    static func descendants(of node: Int, in children: [[Int]]) -> Int {
        var count = 0
        var stack = children[node]
        while let next = stack.popLast() {
            count += 1
            stack.append(contentsOf: children[next])
        }
        return count
    }
}
