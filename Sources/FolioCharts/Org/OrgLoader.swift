import FolioModel

/// Reads an org spec (a data file's `orgs:` entry or an inline fence spec) and checks its structure.
///
/// Errors carry the position of the offending key: duplicate ids, a parent or link end naming no
/// node (with "did you mean"), and reporting cycles (naming every node in the cycle).
enum OrgLoader {
    /// Keys of an org spec.
    static let specKeys = ["title", "date", "nodes", "links"]
    static let nodeKeys = ["id", "name", "title", "parent", "status", "note"]
    static let linkKeys = ["from", "to", "label", "style"]
    /// Nodes one org may hold (bounds what input can make us allocate).
    static let maximumNodes = 500_000

    /// Loads the org `id` from `fields`, whose keys were already checked by the caller.
    static func load(id: String, fields: YAMLFields) throws -> Org {
        let nodeValues = try fields.required("nodes").sequence("a list of nodes")
        guard !nodeValues.isEmpty else { throw fields.owner.error("org '\(id)' has no nodes") }
        guard nodeValues.count <= maximumNodes else {
            throw fields.owner.error("org '\(id)' has \(nodeValues.count) nodes; at most \(maximumNodes) are allowed")
        }
        var nodes: [Org.Node] = []
        nodes.reserveCapacity(nodeValues.count)
        var seen: [String: SourceLocation] = [:]
        var parentValues: [YAMLValue?] = []
        for value in nodeValues {
            let node = try value.fields("a node", allowed: nodeKeys)
            let idValue = try node.required("id")
            let nodeID = try idValue.string("a node id")
            if let first = seen[nodeID] {
                throw idValue.error("duplicate node id '\(nodeID)'", hints: ["first defined at \(first)"])
            }
            seen[nodeID] = idValue.location
            let status = try node["status"].map { value -> OrgStatus in
                let text = try value.string("a status")
                guard let status = OrgStatus(rawValue: text) else {
                    throw value.error("unknown status '\(text)'", hints: Suggestions.hint(for: text, in: OrgStatus.allCases.map(\.rawValue)))
                }
                return status
            } ?? .active
            parentValues.append(node["parent"])
            nodes.append(Org.Node(id: nodeID, name: try node.required("name").string("a name"),
                                  title: try node["title"]?.string("a title"), parent: try node["parent"]?.string("a node id"),
                                  status: status, note: try node["note"]?.string("a note"), location: value.location))
        }
        try checkParents(nodes, parentValues: parentValues, ids: seen)
        let links = try (fields["links"]?.sequence("a list of links") ?? []).map { try link($0, ids: seen) }
        return Org(id: id, title: try fields["title"]?.string("a title"), date: try fields["date"]?.string("a date"),
                   nodes: nodes, links: links)
    }

    /// Loads a data file's org spec (a mapping of `title`, `date`, `nodes`, `links`).
    static func load(_ spec: YAMLSpec) throws -> Org {
        try load(id: spec.id, fields: spec.value.fields("org '\(spec.id)'", allowed: specKeys))
    }

    static func link(_ value: YAMLValue, ids: [String: SourceLocation]) throws -> Org.Link {
        let fields = try value.fields("a link", allowed: linkKeys)
        var ends: [String] = []
        for key in ["from", "to"] {
            let end = try fields.required(key)
            let id = try end.string("a node id")
            guard ids[id] != nil else {
                throw end.error("link \(key) '\(id)' names no node", hints: Suggestions.hint(for: id, in: Array(ids.keys)))
            }
            ends.append(id)
        }
        let style = try fields["style"].map { value -> OrgLinkStyle in
            let text = try value.string("a link style")
            guard let style = OrgLinkStyle(rawValue: text) else {
                throw value.error("unknown link style '\(text)'", hints: Suggestions.hint(for: text, in: OrgLinkStyle.allCases.map(\.rawValue)))
            }
            return style
        } ?? .dotted
        return Org.Link(from: ends[0], to: ends[1], label: try fields["label"]?.string("a label"), style: style,
                        location: value.location)
    }

    /// Every parent names a node, and following parents from any node ends at a root.
    static func checkParents(_ nodes: [Org.Node], parentValues: [YAMLValue?], ids: [String: SourceLocation]) throws {
        var index: [String: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (position, node) in nodes.enumerated() { index[node.id] = position }
        var parentIndex = [Int](repeating: -1, count: nodes.count)
        for (position, node) in nodes.enumerated() {
            guard let parent = node.parent, let value = parentValues[position] else { continue }
            guard let target = index[parent] else {
                throw value.error("parent '\(parent)' of '\(node.id)' names no node",
                                  hints: Suggestions.hint(for: parent, in: Array(ids.keys)))
            }
            parentIndex[position] = target
        }
        // 0 = unvisited, 1 = on the current path, 2 = reaches a root.
        var state = [UInt8](repeating: 0, count: nodes.count)
        for start in nodes.indices where state[start] == 0 {
            var path: [Int] = []
            var current = start
            while current >= 0, state[current] == 0 {
                state[current] = 1
                path.append(current)
                current = parentIndex[current]
            }
            if current >= 0, state[current] == 1 {
                let cycleStart = path.lastIndex(of: current) ?? 0
                let cycle = path[cycleStart...].map { nodes[$0].id }
                let first = path[cycleStart]
                let location = parentValues[first]?.location ?? nodes[first].location
                throw Diagnostic.error(at: location, "reporting cycle: " + (cycle + [cycle[0]]).joined(separator: " → "),
                                       hints: ["every chain of 'parent' must end at a node without a parent"])
            }
            for visited in path { state[visited] = 2 }
        }
    }
}
