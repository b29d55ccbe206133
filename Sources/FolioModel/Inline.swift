/// Inline content of a paragraph, heading, list item or table cell.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case code(String)
    case link(url: String, [Inline])
    /// An image inside running text is shown by its description.
    case image(description: String)
    case softBreak
    case lineBreak
    /// A GFM footnote mark (`[^label]`), by the note's number.
    case footnoteReference(Int)
    /// An image inside running text (a badge, an icon), resolved; `.image` is only its description.
    case picture(ImageReference)
    /// Text in a style that raw HTML asked for (`<u>`, `<mark>`, `<sub>`, `<sup>`, `<kbd>`).
    case styled(InlineStyle, [Inline])

    /// The inline's text with all styling removed.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): return text
        case .emphasis(let inlines), .strong(let inlines), .strikethrough(let inlines), .link(_, let inlines):
            return inlines.plainText
        case .image(let description): return description
        case .softBreak: return " "
        case .lineBreak: return "\n"
        case .footnoteReference(let number): return String(number)
        case .picture(let image): return image.alt
        case .styled(_, let inlines): return inlines.plainText
        }
    }
}

extension Array where Element == Inline {
    /// The runs' text with styling removed.
    public var plainText: String { map(\.plainText).joined() }
}

/// Styles of inline text that only raw HTML asks for.
public enum InlineStyle: String, Hashable, Sendable {
    case underline, mark, `subscript`, superscript, keyboard
}
