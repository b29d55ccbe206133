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
            // As bytes: a space or a tab is one byte, never part of a longer UTF-8 sequence.
            let collapsed = ByteScan.withBytes(text) { bytes -> [UInt8] in
                var result: [UInt8] = []
                result.reserveCapacity(bytes.count)
                var lastWasSpace = false
                for byte in bytes {
                    let space = byte == 0x20 || byte == 0x09
                    if space && lastWasSpace { continue }
                    result.append(space ? 0x20 : byte)
                    lastWasSpace = space
                }
                return result
            }
            return .text(String(decoding: collapsed, as: UTF8.self))
        }
    }
}
