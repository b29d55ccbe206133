import FolioDisplay

extension BlockFlow {
    /// Lines of code per shaped paragraph. Each line of code is a paragraph of its own to Pango (a
    /// newline ends one), so a code block shaped in chunks of whole lines breaks exactly as it does
    /// shaped whole; chunks let the two shaping threads share a long block, and keep each Pango
    /// layout small.
    static let codeLinesPerChunk = 64

    /// The (highlighted) spans of a code block cut at every `codeLinesPerChunk`th line end into
    /// chunks (that line end dropped, as each chunk is a paragraph of its own; a CR LF counts as
    /// one). A block of fewer lines stays whole. Spans are cut only where a chunk ends.
    static func codeChunks(_ spans: [TextSpan]) -> [[TextSpan]] {
        let lineEnds = spans.reduce(0) { count, span in count + span.text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        guard lineEnds >= codeLinesPerChunk else { return [spans] }
        var chunks: [[TextSpan]] = [], current: [TextSpan] = []
        var linesInChunk = 0
        func piece(_ span: TextSpan, _ range: Range<String.Index>) -> TextSpan {
            var part = span
            part.text = String(span.text[range])
            return part
        }
        for span in spans {
            let utf8 = span.text.utf8
            var pieceStart = utf8.startIndex, index = utf8.startIndex
            while let newline = utf8[index...].firstIndex(of: 0x0A) {
                index = utf8.index(after: newline)
                linesInChunk += 1
                guard linesInChunk == codeLinesPerChunk else { continue }
                var end = newline
                if end > pieceStart, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
                if pieceStart < end { current.append(piece(span, pieceStart..<end)) }
                chunks.append(current.isEmpty ? [piece(span, end..<end)] : current)
                current = []
                linesInChunk = 0
                pieceStart = index
            }
            if pieceStart == utf8.startIndex {
                current.append(span)
            } else if pieceStart < utf8.endIndex {
                current.append(piece(span, pieceStart..<utf8.endIndex))
            }
        }
        // Text ending at a chunk's line end still has its last (empty) line, as laid out whole.
        chunks.append(current.isEmpty ? [piece(spans[spans.count - 1], spans[spans.count - 1].text.endIndex..<spans[spans.count - 1].text.endIndex)] : current)
        return chunks
    }
}
