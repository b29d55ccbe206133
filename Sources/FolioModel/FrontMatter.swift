/// Splits a briefing into its YAML front matter and its Markdown body.
public struct FrontMatter {
    /// The YAML between the `---` lines, or nil when the file has none.
    public var yaml: String?
    /// Line number (1-based) of the first YAML line.
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// Lines before the body starts, to add to Markdown line numbers.
    public var bodyLineOffset: Int

    /// Splits `text`; an opening `---` without a closing one is an error at the opening line.
    /// Lines end at LF; a CR before it belongs to the line ending (so CRLF files split too). The
    /// text is scanned as bytes, once, and nothing is copied past the closing line.
    public init(splitting text: String, file: String) throws {
        let utf8 = text.utf8
        func lineEnd(from start: String.Index) -> String.Index { utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex }
        func holdsOnly(_ markers: [String], from start: String.Index, to end: String.Index) -> Bool {
            var line = utf8[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            return markers.contains { $0.utf8.elementsEqual(line) }
        }
        let firstEnd = lineEnd(from: utf8.startIndex)
        guard holdsOnly(["---"], from: utf8.startIndex, to: firstEnd), firstEnd < utf8.endIndex else {
            if holdsOnly(["---"], from: utf8.startIndex, to: firstEnd) {
                throw Self.neverClosed(file)
            }
            yaml = nil
            yamlFirstLine = 1
            body = text
            bodyLineOffset = 0
            return
        }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart, lineNumber = 2
        while true {
            let end = lineEnd(from: lineStart)
            if holdsOnly(["---", "..."], from: lineStart, to: end) {
                yaml = lineStart > yamlStart ? String(text[yamlStart..<utf8.index(before: lineStart)]) : ""
                yamlFirstLine = 2
                body = end < utf8.endIndex ? String(text[utf8.index(after: end)...]) : ""
                bodyLineOffset = lineNumber
                return
            }
            guard end < utf8.endIndex else { throw Self.neverClosed(file) }
            lineStart = utf8.index(after: end)
            lineNumber += 1
        }
    }

    /// A text with no front matter: all of it is the body.
    public init(body text: String) {
        yaml = nil
        yamlFirstLine = 1
        body = text
        bodyLineOffset = 0
    }

    static func neverClosed(_ file: String) -> Diagnostic {
        Diagnostic.error(at: SourceLocation(file: file, line: 1, column: 1),
                         "front matter opened with '---' is never closed",
                         hints: ["end the front matter with a line holding only '---'"])
    }
}
