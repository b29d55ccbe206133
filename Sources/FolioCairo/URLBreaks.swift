import FolioDisplay

/// Where a URL may break: after `/ . - _ ? & =` (after the last of a run, so `//` stays whole),
/// never inside a word of it, and never with a drawn hyphen.
enum URLBreaks {
    /// The characters a URL breaks after.
    static let breakAfter: Set<UInt8> = [0x2F, 0x2E, 0x2D, 0x5F, 0x3F, 0x26, 0x3D]

    /// Whether `span` shows a URL (an autolink, or link text that is itself an address).
    static func isURL(_ span: TextSpan) -> Bool {
        let text = span.text
        // A colon first: Foundation's substring search costs 14,000 instructions a span, and most
        // spans of a document are asked.
        let scheme = text.utf8.contains(0x3A) && text.contains("://")
        guard span.link != nil || scheme else { return false }
        return scheme || text.hasPrefix("www.") || text == span.link || text.hasPrefix("mailto:")
    }

    /// The pieces of `bytes[range]` between break points: each becomes a Pango word, so lines break
    /// only at the start of a piece.
    static func segments(of bytes: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            let isBreak = breakAfter.contains(bytes[index])
            let nextIsBreak = index + 1 < range.upperBound && breakAfter.contains(bytes[index + 1])
            if bytes[index] == 0x20 || bytes[index] == 0x0A {
                if start < index { pieces.append(start..<index) }
                start = index + 1
            } else if isBreak, !nextIsBreak, index + 1 < range.upperBound {
                pieces.append(start..<(index + 1))
                start = index + 1
            }
            index += 1
        }
        if start < range.upperBound { pieces.append(start..<range.upperBound) }
        return pieces
    }
}
