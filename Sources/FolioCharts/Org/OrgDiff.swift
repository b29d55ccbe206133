/// What changed between two org snapshots, by node id.
struct OrgDiff {
    /// How one node differs from the baseline; a node may be both moved and changed.
    struct Mark: Hashable {
        var added = false
        var removed = false
        /// Set when the parent changed: the old parent's name ("" for a former root).
        var movedFrom: String?
        /// The old name, when the name changed.
        var renamedFrom: String?
        /// The old title ("" when there was none), when the title changed.
        var retitledFrom: String?

        var isChanged: Bool { renamedFrom != nil || retitledFrom != nil }
        var isMoved: Bool { movedFrom != nil }
    }

    /// Marks for the nodes that differ (current nodes, and removed ones by their old id).
    var marks: [String: Mark]
    /// Baseline nodes missing from the current org, in baseline order.
    var removed: [Org.Node]

    /// Compares `current` with `baseline`.
    static func compare(_ current: Org, with baseline: Org) -> OrgDiff {
        var marks: [String: Mark] = [:]
        for node in current.nodes {
            guard let old = baseline.node(node.id) else {
                marks[node.id] = Mark(added: true)
                continue
            }
            var mark = Mark()
            if old.parent != node.parent {
                mark.movedFrom = old.parent.flatMap { baseline.node($0)?.name } ?? ""
            }
            if old.name != node.name { mark.renamedFrom = old.name }
            if old.title != node.title { mark.retitledFrom = old.title ?? "" }
            if mark != Mark() { marks[node.id] = mark }
        }
        let removed = baseline.nodes.filter { current.index[$0.id] == nil }
        for node in removed { marks[node.id] = Mark(removed: true) }
        return OrgDiff(marks: marks, removed: removed)
    }

    /// `current` with the removed nodes put back under their old parents (or as roots when the old
    /// parent is gone too), so they can be drawn faded in their old place.
    static func merged(_ current: Org, _ diff: OrgDiff) -> Org {
        guard !diff.removed.isEmpty else { return current }
        var nodes = current.nodes
        let removedIDs = Set(diff.removed.map(\.id))
        for var node in diff.removed {
            if let parent = node.parent, current.index[parent] == nil, !removedIDs.contains(parent) { node.parent = nil }
            nodes.append(node)
        }
        return Org(id: current.id, title: current.title, date: current.date, nodes: nodes, links: current.links)
    }
}
