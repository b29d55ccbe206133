import Foundation

/// One highlighted piece of a code block: what it is and where (UTF-8 byte offsets).
public struct CodeToken: Hashable, Sendable {
    /// The kinds a layout gives colours to; everything else is plain text.
    public enum Kind: Hashable, Sendable { case plain, keyword, type, string, number, comment, function, preprocessor }
    public var kind: Kind
    public var range: Range<Int>
}

/// Syntax highlighting of fenced code through GNU source-highlight (Debian `libsource-highlight`):
/// the language name of the fence (`swift`, `py`, `ts`, `bash` …) picks a definition; the
/// library splits the code into elements, which map onto a few `CodeToken.Kind`s.
public enum SyntaxHighlighter {
    /// Fence names and the definition files they use (Folio's own for Swift, TypeScript and YAML).
    static let definitions: [String: String] = [
        "swift": "swift.lang",
        "python": "python.lang", "py": "python.lang", "python3": "python.lang",
        "javascript": "javascript.lang", "js": "javascript.lang", "jsx": "javascript.lang", "mjs": "javascript.lang",
        "typescript": "typescript.lang", "ts": "typescript.lang", "tsx": "typescript.lang",
        "json": "json.lang", "jsonc": "json.lang",
        "yaml": "yaml.lang", "yml": "yaml.lang",
        "sh": "sh.lang", "bash": "sh.lang", "shell": "sh.lang", "zsh": "zsh.lang", "console": "sh.lang",
        "sql": "sql.lang", "go": "go.lang", "golang": "go.lang", "rust": "rust.lang", "rs": "rust.lang",
        "c": "c.lang", "h": "c.lang", "cpp": "cpp.lang", "c++": "cpp.lang", "cc": "cpp.lang", "cxx": "cpp.lang",
        "hpp": "cpp.lang", "java": "java.lang",
    ]

    /// The definition file for `language`, or nil when there is none (the code is set plain).
    static func definitionPath(for language: String) -> String? {
        let name = language.lowercased()
        if let file = definitions[name] {
            if HighlightDefinitions.files[file] != nil { return HighlightDefinitions.folder.map { $0 + "/" + file } }
            return HighlightDefinitions.dataFolder + "/" + file
        }
        // Any other language Debian's source-highlight defines (ruby, perl, lua, haskell …).
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), !name.isEmpty else { return nil }
        let path = HighlightDefinitions.dataFolder + "/" + name + ".lang"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The tokens of `code` in `language`, in order, or nil when the language is unknown or its
    /// definition cannot be read. Plain pieces are left out.
    public static func tokens(_ code: String, language: String) -> [CodeToken]? {
        guard let path = definitionPath(for: language), let highlight = SyntaxHighlighterLibrary.highlight else { return nil }
        final class Collector { var tokens: [CodeToken] = [] }
        let collector = Collector()
        var error = [CChar](repeating: 0, count: 256)
        let status = code.utf8CString.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return withExtendedLifetime(collector) {
                highlight(path, base, buffer.count - 1, Unmanaged.passUnretained(collector).toOpaque(), { context, element, start, length in
                    guard let context, let element else { return }
                    let kind = SyntaxHighlighter.kind(of: element)
                    guard kind != .plain else { return }
                    let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
                    let range = start..<(start + length)
                    if let last = collector.tokens.last, last.kind == kind, last.range.upperBound == start {
                        collector.tokens[collector.tokens.count - 1].range = last.range.lowerBound..<range.upperBound
                    } else {
                        collector.tokens.append(CodeToken(kind: kind, range: range))
                    }
                }, &error, error.count)
            }
        }
        return status == 0 ? collector.tokens : nil
    }

    /// source-highlight's element names grouped into Folio's kinds (its own style defaults group them alike).
    static func kind(of element: UnsafePointer<CChar>) -> CodeToken.Kind {
        switch String(cString: element) {
        case "keyword", "atom": return .keyword
        case "type", "usertype", "classname", "attribute", "key", "predef_var", "property", "selector": return .type
        case "string", "regexp", "specialchar", "value", "keyquote", "valquote", "url", "path": return .string
        case "number": return .number
        case "comment", "todo": return .comment
        case "function", "predef_func", "meta", "section": return .function
        case "preproc", "label", "variable": return .preprocessor
        default: return .plain
        }
    }
}
