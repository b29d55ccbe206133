import Yams

/// Parses YAML text into a positioned node, turning Yams errors into diagnostics.
///
/// `YAMLEventCheck` reads the events first, so that every error (syntax, reading, duplicate key,
/// depth, alias expansion) points at its own line and column and nothing can make Yams spin.
public enum YAMLParsing {
    /// Nesting deeper than this is refused (bounds recursion on hostile input).
    public static let maximumDepth = 64
    /// Values a YAML text may hold once its aliases are expanded: a fixed allowance plus two per
    /// byte, which a text without aliases never reaches.
    public static func maximumNodes(forBytes bytes: Int) -> Int { 1_000_000 + 2 * bytes }

    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws -> YAMLValue {
        let positions = YAMLPositions(text: text, file: file, lineOffset: lineOffset)
        try YAMLEventCheck(positions: positions, maximumNodes: maximumNodes(forBytes: text.utf8.count),
                           maximumDepth: maximumDepth).run(text)
        let node: Node?
        do {
            // The basic resolver tags nothing: values are read as written, and parsing is much faster.
            // UTF-8 named: Yams's default encoding reads the whole environment each time it is asked.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw diagnostic(for: error, positions: positions)
        }
        guard let node else {
            throw Diagnostic.error(at: positions.location(line: 1, column: 1), "the YAML is empty")
        }
        return YAMLValue(node: node, positions: positions)
    }

    /// A short diagnostic (never the YAML text itself) at the error's place.
    static func diagnostic(for error: YamlError, positions: YAMLPositions) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { positions.location(line: mark.line, column: mark.column) }
        let start = positions.location(line: 1, column: 1)
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return .error(at: at(mark), "invalid YAML: \(problem)\(detail)")
        case .reader(let problem, let offset, _, _):
            return .error(at: offset.map { positions.location(scalarOffset: $0) } ?? start,
                          "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\(YAMLEventCheck.shortened($0))'" }.joined(separator: ", ")
            return .error(at: at(context.mark), "duplicate key \(names)")
        case .memory:
            return .error(at: start, "invalid YAML: out of memory")
        case .dataCouldNotBeDecoded:
            return .error(at: start, "invalid YAML: not UTF-8 text")
        default:
            return .error(at: start, "invalid YAML")
        }
    }
}
