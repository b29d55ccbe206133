import Yams

/// Parses YAML text into a positioned node, turning Yams errors into diagnostics.
public enum YAMLParsing {
    /// Nesting deeper than this is refused (bounds recursion on hostile input).
    public static let maximumDepth = 64

    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws -> YAMLValue {
        let node: Node?
        do {
            // The basic resolver tags nothing: values are read as written, and parsing is much faster.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw diagnostic(for: error, file: file, lineOffset: lineOffset)
        }
        guard let node else {
            throw Diagnostic.error(at: SourceLocation(file: file, line: 1 + lineOffset, column: 1), "the YAML is empty")
        }
        let value = YAMLValue(node: node, file: file, lineOffset: lineOffset)
        try checkDepth(value, depth: 0)
        return value
    }

    static func checkDepth(_ value: YAMLValue, depth: Int) throws {
        guard depth < maximumDepth else { throw value.error("YAML nested deeper than \(maximumDepth) levels") }
        switch value.node {
        case .mapping(let mapping):
            for pair in mapping { try checkDepth(value.wrap(pair.value), depth: depth + 1) }
        case .sequence(let items):
            for item in items { try checkDepth(value.wrap(item), depth: depth + 1) }
        case .alias:
            throw value.error("YAML aliases are not supported")
        case .scalar:
            break
        }
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return .error(at: at(mark), "invalid YAML: \(detail)\(problem)")
        case .reader(let problem, _, _, _):
            return .error(at: SourceLocation(file: file, line: 1 + lineOffset, column: 1), "invalid YAML: \(problem)")
        default:
            return .error(at: SourceLocation(file: file, line: 1 + lineOffset, column: 1), "invalid YAML: \(error)")
        }
    }
}
