import Yams

/// Renders the string scalars of a YAML value as templates, keeping each node's position.
struct TemplateYAML {
    let engine: TemplateEngine
    let context: [String: Any]

    /// `value` with every scalar rendered (scalars without tags stay as they are).
    func render(_ value: YAMLValue) throws -> YAMLValue {
        YAMLValue(node: try render(value.node, in: value), positions: value.positions)
    }

    func render(_ node: Node, in owner: YAMLValue) throws -> Node {
        switch node {
        case .scalar(let scalar):
            guard TemplateScanner.hasTags(scalar.string) else { return node }
            let at = owner.wrap(node).location
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            let source = TemplateSource(text: scalar.string, file: at.file, line: at.line, column: at.column + (quoted ? 1 : 0))
            let rendered = try engine.render(source, context: context)
            // A value rendered from a template is text: it keeps a quoted style so it is never re-typed.
            let style: Node.Scalar.Style = scalar.style == .plain ? .doubleQuoted : scalar.style
            return .scalar(Node.Scalar(rendered, scalar.tag, style, scalar.mark))
        case .sequence(let sequence):
            let items = try sequence.map { try render($0, in: owner) }
            return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
        case .mapping(let mapping):
            let pairs = try mapping.map { ($0.key, try render($0.value, in: owner)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .alias:
            return node
        }
    }

    /// Whether any string scalar of `node` holds a template tag (so rendering it needs a context).
    static func hasTags(_ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar): TemplateScanner.hasTags(scalar.string)
        case .sequence(let sequence): sequence.contains(where: hasTags)
        case .mapping(let mapping): mapping.contains { hasTags($0.value) }
        case .alias: false
        }
    }
}
