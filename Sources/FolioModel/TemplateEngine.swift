import Foundation
@preconcurrency import Stencil

/// A piece of input to render as a template, and where its first character is written.
public struct TemplateSource {
    public var text: String
    public var file: String
    public var line: Int
    public var column: Int

    public init(text: String, file: String, line: Int, column: Int = 1) {
        self.text = text
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Renders briefing text with Stencil (Jinja-style: `{{ }}`, `{% for %}`, `{% if %}`, filters), strictly:
/// an undefined variable is an error unless a `default` filter follows it, and every error is a
/// `Diagnostic` at the file, line and column where the fault is written.
///
/// Templates cannot read files (`include`, `extends` and `block` are refused; there is no loader),
/// run programs or reach the network: the context holds values only.
public final class TemplateEngine {
    /// Tags that would read other templates, and the clock.
    static let refusedTags = ["include", "extends", "block", "now"]
    /// The filter Folio appends to every variable it checks.
    static let definedFilter = "folio_defined"
    /// The filter that evaluates a loop's `where` in Swift.
    static let whereFilter = "folio_where"

    let environment: Environment
    /// The same tags and filters with no trimming: tokens come to it trimmed (`TemplateTrimming`).
    let parsingEnvironment: Environment
    let filterNames: [String]
    /// Owns the formatters the filters use.
    let filters: TemplateFilters
    /// Loop conditions evaluated in Swift (see `TemplateWhere`).
    let conditions = TemplateWhereTable()

    /// Engines by language, shared by every load of the process so that parsed templates are too.
    nonisolated(unsafe) private static var engines: [String: TemplateEngine] = [:]
    private static let enginesLock = NSLock()

    /// The process's engine for `lang` (thread-safe: batch workers share it).
    public static func shared(lang: String) -> TemplateEngine {
        enginesLock.lock()
        defer { enginesLock.unlock() }
        if let known = engines[lang] { return known }
        if engines.count >= 64 { engines.removeAll() }
        let made = TemplateEngine(lang: lang)
        engines[lang] = made
        return made
    }

    /// An engine whose number and date filters format for `lang` (a BCP 47 tag).
    public init(lang: String = "en") {
        filters = TemplateFilters(lang: lang)
        let guardExtension = Extension()
        for name in Self.refusedTags {
            guardExtension.registerTag(name) { _, _ in
                throw TemplateSyntaxError("the '\(name)' tag is not available: templates cannot read files")
            }
        }
        guardExtension.registerFilter(Self.definedFilter) { value, arguments, context in
            try TemplateEngine.checkDefined(value, arguments: arguments, context: context)
        }
        let conditions = self.conditions
        guardExtension.registerFilter(Self.whereFilter) { value, arguments, context in
            try conditions.filter(value, arguments: arguments, context: context)
        }
        environment = Environment(extensions: [guardExtension, filters.extension], trimBehaviour: .smart)
        parsingEnvironment = Environment(extensions: [guardExtension, filters.extension], trimBehaviour: .nothing)
        filterNames = filters.names + TemplateFilters.stencilNames
    }

    /// Renders `source` with `context`; text without tags is returned as it is.
    public func render(_ source: TemplateSource, context: [String: Any]) throws -> String {
        guard TemplateScanner.hasTags(source.text) else { return source.text }
        guard TemplateTiming.enabled else { return try renderTags(source, context: context) }
        let start = TemplateTiming.now()
        defer { TemplateTiming.add(TemplateTiming.now() - start) }
        return try renderTags(source, context: context)
    }

    /// Renders a briefing's body: the text, and the source line of each of its lines (empty when
    /// the body has no tags, whose lines are then where they are written).
    public func renderBody(_ source: TemplateSource, context: [String: Any]) throws -> (text: String, lines: [Int]) {
        guard TemplateScanner.hasTags(source.text) else { return (source.text, []) }
        let marks = TemplateLineMap.canMark(source.text)
        let start = TemplateTiming.enabled ? TemplateTiming.now() : 0
        defer { if TemplateTiming.enabled { TemplateTiming.add(TemplateTiming.now() - start) } }
        let rendered = try renderTags(source, context: context, marks: marks)
        return marks ? TemplateLineMap.strip(rendered, firstLine: source.line) : (rendered, [])
    }

    func renderTags(_ source: TemplateSource, context: [String: Any], marks: Bool = false) throws -> String {
        let parsed = try parse(source, marks: marks)
        do {
            return try renderNodes(parsed.nodes, Context(dictionary: context, environment: environment))
        } catch let error as TemplateSyntaxError {
            throw diagnostic(for: error, tokens: parsed.tokens, pieces: parsed.pieces, source: source)
        }
    }

    // MARK: Parsed templates

    /// A template parsed once: its pieces (for error positions), the Stencil tokens made of them
    /// (errors name their token) and the node tree. Nodes hold no render state, so both batch
    /// workers render the same tree.
    final class Parsed {
        let pieces: [TemplateScanner.Piece]
        let tokens: [Token]
        let nodes: [NodeType]

        init(pieces: [TemplateScanner.Piece], tokens: [Token], nodes: [NodeType]) {
            self.pieces = pieces
            self.tokens = tokens
            self.nodes = nodes
        }
    }

    /// Parsed templates by source text and position (every job of a matrix renders the same body,
    /// front matter and fences); used under `parsedLock`.
    private var parsed: [String: Parsed] = [:]
    private let parsedLock = NSLock()
    static let parsedLimit = 512

    /// `source` parsed, from the cache when the same text at the same place was parsed before.
    func parse(_ source: TemplateSource, marks: Bool) throws -> Parsed {
        let key = "\(marks ? 1 : 0):\(source.line):\(source.column):\(source.file)\u{0}\(source.text)"
        parsedLock.lock()
        let known = parsed[key]
        parsedLock.unlock()
        if let known { return known }
        let made = try parseUncached(source, marks: marks)
        parsedLock.lock()
        if parsed.count >= Self.parsedLimit { parsed.removeAll(keepingCapacity: true) }
        parsed[key] = made
        parsedLock.unlock()
        return made
    }

    func parseUncached(_ source: TemplateSource, marks: Bool) throws -> Parsed {
        let pieces: [TemplateScanner.Piece]
        do {
            pieces = try TemplateScanner.pieces(of: source.text)
        } catch let unclosed as TemplateScanner.Unclosed {
            let closer = unclosed.opener == "{{" ? "}}" : unclosed.opener == "{%" ? "%}" : "#}"
            throw Diagnostic.error(at: location(ofOffset: unclosed.start, in: source), "unclosed '\(unclosed.opener)'",
                                   hints: ["close it with '\(closer)'"])
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(pieces.count)
        for piece in pieces {
            var piece = piece
            if marks, piece.kind == .text {
                let before = location(ofOffset: piece.start, in: source)
                piece.raw = TemplateLineMap.mark(piece.raw, line: before.line, atLineStart: piece.start == 0)
            }
            tokens.append(try token(for: piece, source: source))
        }
        tokens = TemplateTrimming.trimmed(tokens, pieces: pieces, sourceMap: Self.sourceMap)
        do {
            let nodes = try TokenParser(tokens: tokens, environment: parsingEnvironment).parse()
            return Parsed(pieces: pieces, tokens: tokens, nodes: nodes)
        } catch let error as TemplateSyntaxError {
            throw diagnostic(for: error, tokens: tokens, pieces: pieces, source: source)
        }
    }

    // MARK: Tokens

    /// The Stencil token for a piece, its expressions rewritten so every variable is checked.
    func token(for piece: TemplateScanner.Piece, source: TemplateSource) throws -> Token {
        switch piece.kind {
        case .text:
            return .text(value: piece.raw, at: Self.sourceMap)
        case .comment:
            return .comment(value: "", at: Self.sourceMap)
        case .variable:
            let contents = TemplateScanner.contents(of: piece.raw, trimLeading: false, trimTrailing: false)
            let probe = Token.variable(value: contents, at: Self.sourceMap)
            let rewritten = try rewrite(probe.components, from: 0, piece: piece, source: source)
            return .variable(value: rewritten.joined(separator: " "), at: Self.sourceMap)
        case .block:
            let marks = TemplateScanner.marks(of: piece.raw)
            let contents = TemplateScanner.contents(of: piece.raw, trimLeading: marks.leading != nil, trimTrailing: marks.trailing != nil)
            let probe = Token.block(value: contents, at: Self.sourceMap)
            var components = probe.components
            var first = 0
            if components.first?.hasSuffix(":") == true { first = 1 } // a labelled loop
            switch components.count > first ? components[first] : "" {
            case "if", "elif", "ifnot":
                components = try rewrite(components, from: first + 1, piece: piece, source: source)
            case "for":
                if let index = components.firstIndex(of: "in") {
                    let whereIndex = index + 2
                    if components.count > whereIndex + 1, components[whereIndex] == "where", !components[first + 1].contains(","),
                       let condition = TemplateWhere.parse(Array(components[(whereIndex + 1)...])) {
                        // Checked by the fast path itself; the list gets the usual check and the filter.
                        try _ = rewrite(components, from: whereIndex + 1, piece: piece, source: source)
                        var list = try rewrite(Array(components[..<whereIndex]), from: index + 1, piece: piece, source: source)
                        let number = conditions.add(condition, variable: components[first + 1])
                        list[index + 1] += "|\(Self.whereFilter):\(number)"
                        components = list
                    } else {
                        components = try rewrite(components, from: index + 1, piece: piece, source: source)
                    }
                }
            default:
                break
            }
            return .block(value: components.joined(separator: " "), at: Self.sourceMap,
                          whitespace: Self.whitespace(marks.leading, marks.trailing))
        }
    }

    static let operators: Set<String> = ["and", "or", "not", "in", "==", "!=", "<", ">", "<=", ">=", "if", "else", "where", "(", ")"]

    /// Appends the `folio_defined` check to every variable among `components[from...]` whose filters
    /// do not start with `default`, and checks every filter name.
    func rewrite(_ components: [String], from start: Int, piece: TemplateScanner.Piece, source: TemplateSource) throws -> [String] {
        var result = components
        for index in components.indices where index >= start {
            let component = components[index]
            guard !Self.operators.contains(component), let first = component.first else { continue }
            var parts = Self.splitFilters(component)
            let variable = parts.removeFirst()
            for part in parts {
                let name = part.split(separator: ":", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                guard filterNames.contains(name) else {
                    throw Diagnostic.error(at: location(of: "|" + part, in: piece, source: source, skip: 1), "unknown filter '\(name)'",
                                           hints: Self.filterHint(for: name, in: filterNames))
                }
            }
            let isLiteral = first == "\"" || first == "'" || first.isNumber || first == "-" || first == "+"
                || ["true", "false"].contains(variable) || variable.contains("...")
            let allowsUndefined = parts.first.map { $0.hasPrefix("default") } ?? false
            if isLiteral || allowsUndefined || variable.isEmpty { continue }
            let check = "\(Self.definedFilter):\"\(variable)\""
            result[index] = ([variable, check] + parts).joined(separator: "|")
        }
        return result
    }

    /// "did you mean" for a filter: the closest name, or one that starts with it (`upper` → `uppercase`).
    static func filterHint(for name: String, in names: [String]) -> [String] {
        if Suggestions.closest(to: name, in: names) == nil, name.count >= 3,
           let longer = names.sorted().first(where: { $0.hasPrefix(name.lowercased()) }) {
            return ["did you mean '\(longer)'?"]
        }
        return Suggestions.hint(for: name, in: names)
    }

    /// `a.b|f:"x|y"|g` → `["a.b", "f:\"x|y\"", "g"]` (bars inside quotes stay).
    static func splitFilters(_ component: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in component {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == "|" {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    // MARK: Undefined variables

    /// The `folio_defined` filter: passes a value through, or fails naming the first part of the path that is missing.
    static func checkDefined(_ value: Any?, arguments: [Any?], context: Context) throws -> Any? {
        if let value { return value } // (no `is NSNull`: on Linux that cast walks a whole list)
        let path = (arguments.first as? String) ?? ""
        let bits = path.split(separator: ".").map(String.init)
        var current: Any? = nil
        var known: [String] = Array(context.flatten().keys).filter { !$0.hasPrefix("_") && $0 != "block" }
        for (index, bit) in bits.enumerated() {
            let next: Any?
            if index == 0 {
                next = context[bit]
            } else {
                next = TemplateContext.member(bit, of: current)
                known = TemplateContext.members(of: current)
            }
            guard let next else {
                let prefix = bits[..<index].joined(separator: ".")
                let message = index == 0 ? "undefined variable '\(bit)'" : "'\(prefix)' has no '\(bit)'"
                var hints = Suggestions.hint(for: bit, in: known)
                if index == 0 { hints.append("declare it under 'params:' or write '{{ \(path)|default:\"…\" }}'") }
                throw TemplateSyntaxError(reason: encode(message, hints: hints, needle: path))
            }
            current = next
        }
        return value
    }

    // MARK: Errors and positions

    /// Error reasons carry hints and the text to point at, separated by control characters.
    static func encode(_ message: String, hints: [String], needle: String) -> String {
        ([message] + hints).joined(separator: "\u{1}") + "\u{2}" + needle
    }

    func diagnostic(for error: TemplateSyntaxError, tokens: [Token], pieces: [TemplateScanner.Piece], source: TemplateSource) -> Diagnostic {
        var reason = error.reason
        var needle: String?
        if let split = reason.range(of: "\u{2}") {
            needle = String(reason[split.upperBound...])
            reason = String(reason[..<split.lowerBound])
        }
        var lines = reason.components(separatedBy: "\u{1}")
        var message = lines.removeFirst().replacingOccurrences(of: "|\(Self.definedFilter):", with: "|")
        var hints = lines
        if message.hasPrefix("Unknown template tag '"), let name = message.split(separator: "'").dropFirst().first {
            let tags = ["for", "endfor", "empty", "if", "elif", "else", "endif", "ifnot", "break", "continue", "filter", "endfilter"]
            message = "unknown tag '\(name)'"
            needle = String(name)
            hints = Suggestions.hint(for: String(name), in: tags)
        } else if message.hasSuffix("was not found.") {
            message = message.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: " was not found.", with: " is missing")
            message = "unclosed tag: " + message
        }
        var index = error.token.flatMap { token in tokens.firstIndex { $0 === token } }
        if index == nil, let token = error.token {
            index = tokens.firstIndex { $0.contents.contains(token.contents) && $0.kind == token.kind }
        }
        guard let index, index < pieces.count else {
            return .error(at: location(ofOffset: 0, in: source), "template error: \(message)", hints: hints)
        }
        var piece = pieces[index]
        if let needle, !piece.raw.contains(needle),
           let opener = pieces[..<index].last(where: { $0.kind == .block && $0.raw.contains(needle) }) {
            piece = opener // Stencil gives a loop's own errors the token of its 'endfor'
        }
        let at = needle.map { location(of: $0, in: piece, source: source) } ?? location(ofOffset: piece.start, in: source)
        return .error(at: at, message, hints: hints)
    }

    /// Where `needle` is written inside `piece` (the piece's start when it is not found).
    func location(of needle: String, in piece: TemplateScanner.Piece, source: TemplateSource, skip: Int = 0) -> SourceLocation {
        guard let range = piece.raw.range(of: needle) else { return location(ofOffset: piece.start, in: source) }
        let offset = piece.raw.unicodeScalars.distance(from: piece.raw.unicodeScalars.startIndex, to: range.lowerBound) + skip
        return location(ofOffset: piece.start + offset, in: source)
    }

    /// Line and column of the scalar at `offset` in the source text.
    func location(ofOffset offset: Int, in source: TemplateSource) -> SourceLocation {
        var line = source.line, column = source.column
        for (index, scalar) in source.text.unicodeScalars.enumerated() {
            if index >= offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: source.file, line: line, column: column)
    }

    // MARK: Stencil values Folio cannot construct directly

    /// A source map for every token (positions are Folio's own, by token).
    static let sourceMap: SourceMap = Stencil.Template(templateString: "x").tokens[0].sourceMap

    /// Stencil's whitespace behaviours, taken from tokens its lexer made (their initialiser is internal).
    static let behaviours: [String: WhitespaceBehaviour] = {
        var table: [String: WhitespaceBehaviour] = [:]
        for leading in ["", "-", "+"] {
            for trailing in ["", "-", "+"] {
                let template = Stencil.Template(templateString: "{%\(leading) x \(trailing)%}")
                table[leading + "|" + trailing] = template.tokens.first?.whitespace ?? .unspecified
            }
        }
        return table
    }()

    static func whitespace(_ leading: Character?, _ trailing: Character?) -> WhitespaceBehaviour {
        behaviours[(leading.map(String.init) ?? "") + "|" + (trailing.map(String.init) ?? "")] ?? .unspecified
    }
}
