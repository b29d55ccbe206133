/// A font request: family (with fallback done by the text engine), size in points, weight, slant.
public struct FontSpec: Hashable, Sendable {
    public var family: String
    public var size: Double
    /// CSS-style weight: 400 regular, 700 bold.
    public var weight: Int
    public var italic: Bool

    public init(family: String, size: Double, weight: Int = 400, italic: Bool = false) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
    }
}

/// How a run of text looks.
public struct TextStyle: Hashable, Sendable {
    public var font: FontSpec
    public var color: Color
    public var underline: Bool
    public var strikethrough: Bool
    /// Background behind the run (inline code), or nil.
    public var background: Color?
    /// How far the run's baseline is raised, in points (superscript; negative for subscript).
    public var rise: Double = 0

    public init(font: FontSpec, color: Color = .black, underline: Bool = false, strikethrough: Bool = false,
                background: Color? = nil) {
        self.font = font
        self.color = color
        self.underline = underline
        self.strikethrough = strikethrough
        self.background = background
    }
}

/// A run of text in one style, optionally a link (`https://…` or `#anchor`).
public struct TextSpan: Hashable, Sendable {
    public var text: String
    public var style: TextStyle
    public var link: String?
    /// An object set in the line like a character (an inline image); the text is then `InlineObject.replacementCharacter`.
    public var object: InlineObject?

    public init(_ text: String, style: TextStyle, link: String? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }

    /// A span holding one inline object.
    public init(object: InlineObject, style: TextStyle, link: String? = nil) {
        self.init(InlineObject.replacementCharacter, style: style, link: link)
        self.object = object
    }
}

/// Horizontal alignment of a paragraph's lines.
public enum TextAlignment: String, Hashable, Sendable { case left, center, right, justify }

/// A paragraph to break into lines.
public struct StyledParagraph: Hashable, Sendable {
    public var spans: [TextSpan]
    public var alignment: TextAlignment
    /// BCP 47 language: drives hyphenation and font fallback.
    public var lang: String
    public var hyphenate: Bool
    /// Code: lines break where they must (first fit), never with a drawn hyphen.
    public var preformatted: Bool

    public init(spans: [TextSpan], alignment: TextAlignment = .left, lang: String = "en", hyphenate: Bool = false,
                preformatted: Bool = false) {
        self.spans = spans
        self.alignment = alignment
        self.lang = lang
        self.hyphenate = hyphenate
        self.preformatted = preformatted
    }
}

extension TextSpan {
    /// Whether the span is printable ASCII only (U+0020 to U+007E: no tab, no newline) with no link,
    /// inline object or raised baseline: a line of it is one run in one font, with nothing to itemize.
    public var isPlainASCII: Bool {
        guard link == nil, object == nil, style.rise == 0 else { return false }
        var text = text
        return text.withUTF8(Self.arePrintableASCII)
    }

    /// Whether `bytes` are all printable ASCII (U+0020 to U+007E).
    private static func arePrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte &- 0x20 > 0x5E { return false }
        return true
    }
}

extension Array where Element == TextSpan {
    /// Whether these spans are one plain ASCII span (`TextSpan.isPlainASCII`): a line a text engine
    /// may set without a layout, which is therefore never worth shaping ahead.
    public var isOnePlainASCIISpan: Bool { count == 1 && self[0].isPlainASCII }
}
