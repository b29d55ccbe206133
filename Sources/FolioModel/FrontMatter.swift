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
    public init(splitting text: String, file: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first.map({ $0.trimmingCharacters(in: "\r") == "---" }) != true {
            yaml = nil
            yamlFirstLine = 1
            body = text
            bodyLineOffset = 0
            return
        }
        lines.removeFirst()
        guard let close = lines.firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: "\r")) }) else {
            throw Diagnostic.error(at: SourceLocation(file: file, line: 1, column: 1),
                                   "front matter opened with '---' is never closed",
                                   hints: ["end the front matter with a line holding only '---'"])
        }
        yaml = lines[..<close].joined(separator: "\n")
        yamlFirstLine = 2
        body = lines[(close + 1)...].joined(separator: "\n")
        bodyLineOffset = close + 2
    }
}
