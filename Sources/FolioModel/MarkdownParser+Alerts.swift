import Foundation

/// GitHub alerts and HTML-like whitespace in parsed Markdown.
extension MarkdownParser {
    /// The alert a block quote is, when its first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
    /// `[!WARNING]` or `[!CAUTION]` (any case) alone; that line is removed from its blocks.
    static func alert(in blocks: [Block]) -> AlertBlock? {
        guard let first = blocks.first, case .paragraph(let inlines) = first.kind,
              case .text(let text)? = inlines.first else { return nil }
        let marker = text.trimmingCharacters(in: .whitespaces)
        guard marker.hasPrefix("[!"), marker.hasSuffix("]"),
              let kind = AlertBlock.Kind(rawValue: marker.dropFirst(2).dropLast().lowercased()) else { return nil }
        var rest = Array(inlines.dropFirst())
        switch rest.first {
        case nil: break
        case .softBreak?, .lineBreak?: rest.removeFirst()
        default: return nil
        }
        var inner = Array(blocks.dropFirst())
        if !rest.isEmpty { inner.insert(Block(.paragraph(rest), at: first.location), at: 0) }
        return AlertBlock(kind: kind, blocks: inner)
    }

    /// Runs of spaces and tabs in text collapse to one space, as HTML shows them (code keeps its own).
    static func collapsingWhitespace(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            // (Foundation's substring search, `contains("  ")`, cost 50,000 instructions a run.)
            guard case .text(let text) = inline, ByteScan.hasTabOrDoubleSpace(text) else { return inline }
            var result = ""
            result.reserveCapacity(text.utf8.count)
            var lastWasSpace = false
            for character in text {
                let space = character == " " || character == "\t"
                if space && lastWasSpace { continue }
                result.append(space ? " " : character)
                lastWasSpace = space
            }
            return .text(result)
        }
    }
}
