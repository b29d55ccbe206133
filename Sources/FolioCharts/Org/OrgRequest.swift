import FolioModel

/// What an `orgchart` fence asks for: which org, what to compare it with, and how to draw it.
struct OrgRequest {
    var org: Org
    /// The earlier snapshot to diff against (`compare:`), or nil.
    var baseline: Org?
    var caption: String?
    /// Show only this node's subtree (`root:`).
    var root: String?
    /// Levels shown below the root(s) (`depth:`); nil shows all.
    var depth: Int?
    var options: OrgOptions

    /// Keys an `orgchart` fence accepts: chart keys, then the keys of an inline spec.
    static let fenceKeys = ["use", "compare", "caption", "root", "depth", "stack", "min-text-size"] + OrgLoader.specKeys

    /// Reads the fence body of `chart`, resolving `use:`/`compare:` against `orgs`.
    static func parse(_ chart: ChartBlock, orgs: [String: YAMLSpec]) throws -> OrgRequest {
        let body = try YAMLParsing.parse(chart.body, file: chart.bodyLocation.file, lineOffset: chart.bodyLocation.line - 1)
        let fields = try body.fields("an orgchart fence", allowed: fenceKeys)
        var org: Org
        if let use = fields["use"] {
            for key in ["nodes", "links"] {
                if let value = fields[key] {
                    throw value.error("'\(key)' cannot be combined with 'use'", hints: ["edit the org in its data file, or drop 'use' for an inline spec"])
                }
            }
            org = try resolve(use, orgs: orgs, key: "use")
            if let title = fields["title"] { org.title = try title.string("a title") }
            if let date = fields["date"] { org.date = try date.string("a date") }
        } else {
            guard fields["nodes"] != nil else {
                throw body.error("an orgchart fence needs 'use: ID' or an inline spec with 'nodes'")
            }
            org = try OrgLoader.load(id: chart.id, fields: fields)
        }
        let baseline = try fields["compare"].map { try resolve($0, orgs: orgs, key: "compare") }
        var options = OrgOptions()
        if let stack = fields["stack"] {
            let value = try stack.int("a number of leaf children (0 turns stacking off)")
            guard value >= 0 else { throw stack.error("'stack' must be 0 or more") }
            options.stackThreshold = value
        }
        if let size = fields["min-text-size"] {
            let text = try size.string("a text size such as 6pt")
            guard let points = Length.points(text), points >= 2, points <= 72 else {
                throw size.error("'\(text)' is not a legible text size", hints: ["use a size between 2pt and 72pt, e.g. 6pt"])
            }
            options.minimumTextSize = points
        }
        var depth: Int?
        if let value = fields["depth"] {
            let levels = try value.int("a number of levels")
            guard levels >= 0 else { throw value.error("'depth' must be 0 or more") }
            depth = levels
        }
        var root: String?
        if let value = fields["root"] {
            let id = try value.string("a node id")
            guard org.index[id] != nil else {
                throw value.error("root '\(id)' names no node in org '\(org.id)'", hints: Suggestions.hint(for: id, in: org.nodes.map(\.id)))
            }
            root = id
        }
        return OrgRequest(org: org, baseline: baseline, caption: try fields["caption"]?.string("a caption"), root: root,
                          depth: depth, options: options)
    }

    static func resolve(_ value: YAMLValue, orgs: [String: YAMLSpec], key: String) throws -> Org {
        let id = try value.string("an org id")
        guard let spec = orgs[id] else {
            throw value.error("'\(key)' names no org '\(id)' in the data files", hints: Suggestions.hint(for: id, in: Array(orgs.keys)))
        }
        return try OrgLoader.load(spec)
    }
}

/// Drawing options of an org chart, with their defaults.
struct OrgOptions {
    /// A run of at least this many leaf siblings is stacked in columns; 0 never stacks.
    var stackThreshold = 5
    /// The chart is never scaled so far that its text falls below this size (points); it is split instead.
    var minimumTextSize = 6.0
}
