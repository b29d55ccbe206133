import Yams

/// A YAML node with the file it came from, read with typed accessors that fail with positions.
public struct YAMLValue {
    public let node: Node
    /// Turns the node's marks into places in its file (front matter and fences start lines down).
    public let positions: YAMLPositions
    public var file: String { positions.file }
    /// Line offset added to the node's marks (front matter starts after the `---` line).
    public var lineOffset: Int { positions.lineOffset }

    public init(node: Node, positions: YAMLPositions) {
        self.node = node
        self.positions = positions
    }

    /// Where this node starts in its file.
    public var location: SourceLocation {
        guard let mark = node.mark else { return .start(of: file) }
        return positions.location(line: mark.line, column: mark.column)
    }

    /// A node inside this one (a key, a value or an item), positioned in the same file.
    public func wrap(_ child: Node) -> YAMLValue { YAMLValue(node: child, positions: positions) }

    public func error(_ message: String, hints: [String] = []) -> Diagnostic {
        .error(at: location, message, hints: hints)
    }

    // MARK: Scalars

    /// The scalar's text exactly as written (no YAML type coercion: `2023-02` stays a string).
    public func string(_ what: String = "a string") throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected \(what), found \(kindName)") }
        return scalar.string
    }

    public func bool(_ what: String = "true or false") throws -> Bool {
        let text = try string(what).lowercased()
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected \(what), found '\(text)'")
        }
    }

    public func double(_ what: String = "a number") throws -> Double {
        let text = try string(what)
        guard let value = Double(text), value.isFinite else { throw error("expected \(what), found '\(text)'") }
        return value
    }

    public func int(_ what: String = "a whole number") throws -> Int {
        let text = try string(what)
        guard let value = Int(text) else { throw error("expected \(what), found '\(text)'") }
        return value
    }

    public var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    // MARK: Collections

    /// Items of a sequence; a single scalar counts as a one-item list when `allowSingle` is set.
    public func sequence(_ what: String = "a list", allowSingle: Bool = false) throws -> [YAMLValue] {
        switch node {
        case .sequence(let items): return items.map(wrap)
        case .scalar where allowSingle: return [self]
        default: throw error("expected \(what), found \(kindName)")
        }
    }

    /// Key/value pairs of a mapping in the order written, keys as strings.
    public func mapping(_ what: String = "a mapping") throws -> [(key: YAMLValue, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else { throw error("expected \(what), found \(kindName)") }
        return mapping.map { (wrap($0.key), wrap($0.value)) }
    }

    /// The mapping as a keyed table after checking every key is known (unknown keys get a hint).
    public func fields(_ what: String, allowed: [String]) throws -> YAMLFields {
        var table: [String: YAMLValue] = [:]
        var order: [String] = []
        for (key, value) in try mapping(what) {
            let name = try key.string("a key")
            guard allowed.contains(name) else {
                throw key.error("unknown key '\(name)' in \(what)", hints: Suggestions.hint(for: name, in: allowed))
            }
            if table[name] != nil { throw key.error("duplicate key '\(name)' in \(what)") }
            table[name] = value
            order.append(name)
        }
        return YAMLFields(owner: self, values: table, order: order)
    }

    public var kindName: String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// The checked fields of a YAML mapping.
public struct YAMLFields {
    public let owner: YAMLValue
    public let values: [String: YAMLValue]
    public let order: [String]

    public subscript(key: String) -> YAMLValue? {
        guard let value = values[key], !value.isNull else { return nil }
        return value
    }

    public func required(_ key: String) throws -> YAMLValue {
        guard let value = self[key] else { throw owner.error("missing required key '\(key)'") }
        return value
    }
}
