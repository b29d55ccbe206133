extension BlockFlow {
    /// Lines of code per shaped paragraph. Each line of code is a paragraph of its own to Pango (a
    /// newline ends one), so a code block shaped in chunks of whole lines breaks exactly as it does
    /// shaped whole; chunks let the two shaping threads share a long block, and keep each Pango
    /// layout small.
    static let codeLinesPerChunk = 64

    /// `text` cut at newlines into chunks of `codeLinesPerChunk` lines (the newlines between
    /// chunks dropped, as each chunk is a paragraph of its own); a short block stays whole.
    static func codeChunks(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > codeLinesPerChunk else { return [text] }
        return stride(from: 0, to: lines.count, by: codeLinesPerChunk).map { start in
            lines[start..<min(start + codeLinesPerChunk, lines.count)].joined(separator: "\n")
        }
    }
}
