import FolioDisplay
import FolioModel

/// Inline images and the styles only raw HTML asks for (`<u>`, `<mark>`, `<sub>`, `<sup>`, `<kbd>`).
extension InlineStyler {
    /// Highlight behind `<mark>` text.
    static let markBackground = Color(red: 1, green: 0.93, blue: 0.55)

    /// An image in running text: an object span sized to the line, or its placeholder text.
    func picture(_ image: ImageReference, style: TextStyle, link: String?) -> TextSpan {
        let placement = ImagePlacement(theme: theme)
        if let object = placement.inlineObject(image, style: style, available: theme.layout.contentWidth) {
            return TextSpan(object: object, style: style, link: link)
        }
        return TextSpan(ImagePlacement.placeholderLabel(image), style: placement.placeholderStyle(style), link: link)
    }

    func styled(_ style: TextStyle, _ kind: InlineStyle) -> TextStyle {
        var result = style
        switch kind {
        case .underline: result.underline = true
        case .mark: result.background = Self.markBackground
        case .`subscript`:
            result.font.size = (style.font.size * 0.75 * 2).rounded() / 2
            result.rise = style.rise - style.font.size * 0.15
        case .superscript:
            result.font.size = (style.font.size * 0.75 * 2).rounded() / 2
            result.rise = style.rise + style.font.size * 0.35
        case .keyboard:
            result.font.family = theme.code.font.family
            result.font.size = (style.font.size * 0.85 * 2).rounded() / 2
            result.background = theme.codeBackground
        }
        return result
    }
}
