import FolioModel

/// An organisation snapshot: people and units (nodes) in a reporting tree, plus relations outside it.
///
/// Nodes keep the order they were written in; that order is the order of siblings in the chart.
struct Org {
    /// One person, unit or open position.
    struct Node {
        var id: String
        var name: String
        var title: String?
        /// The id of the node this one reports to; nil for a root.
        var parent: String?
        var status: OrgStatus
        var note: String?
        /// Where the node's entry starts, for diagnostics.
        var location: SourceLocation
    }

    /// A relation drawn outside the tree (`links:`).
    struct Link {
        var from: String
        var to: String
        var label: String?
        var style: OrgLinkStyle
        var location: SourceLocation
    }

    var id: String
    var title: String?
    var date: String?
    var nodes: [Node]
    var links: [Link]
    /// Node index by id.
    var index: [String: Int]

    init(id: String, title: String?, date: String?, nodes: [Node], links: [Link]) {
        self.id = id
        self.title = title
        self.date = date
        self.nodes = nodes
        self.links = links
        var index: [String: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (position, node) in nodes.enumerated() where index[node.id] == nil { index[node.id] = position }
        self.index = index
    }

    /// The node with `id`, if any.
    func node(_ id: String) -> Node? { index[id].map { nodes[$0] } }
}

/// A node's standing, drawn as a card style.
enum OrgStatus: String, CaseIterable {
    case active, new, moved, departed, vacant
}

/// How a relation outside the tree is stroked.
enum OrgLinkStyle: String, CaseIterable {
    case solid, dotted, dashed
}
