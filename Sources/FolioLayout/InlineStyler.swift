import FolioDisplay
import FolioModel

/// Turns inline Markdown runs into styled text spans.
struct InlineStyler {
    let theme: Theme
    /// What an empty internal link (`[](#id)`) prints, by id.
    var references: [String: String] = [:]

    func spans(_ inlines: [Inline], base: TextStyle) -> [TextSpan] {
        var result: [TextSpan] = []
        append(inlines, style: base, link: nil, into: &result)
        return merged(result)
    }

    private func append(_ inlines: [Inline], style: TextStyle, link: String?, into result: inout [TextSpan]) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                result.append(TextSpan(text, style: style, link: link))
            case .softBreak:
                result.append(TextSpan(" ", style: style, link: link))
            case .lineBreak:
                result.append(TextSpan("\n", style: style, link: link))
            case .code(let text):
                var code = style
                code.font.family = theme.code.font.family
                code.font.size = (style.font.size * 0.88 * 2).rounded() / 2
                code.background = theme.codeBackground
                result.append(TextSpan(text, style: code, link: link))
            case .emphasis(let inner):
                var emphasised = style
                emphasised.font.italic.toggle()
                append(inner, style: emphasised, link: link, into: &result)
            case .strong(let inner):
                var strong = style
                strong.font.weight = max(style.font.weight, 700)
                append(inner, style: strong, link: link, into: &result)
            case .strikethrough(let inner):
                var struck = style
                struck.strikethrough = true
                append(inner, style: struck, link: link, into: &result)
            case .link(let url, let inner):
                var linked = style
                linked.color = theme.link
                linked.underline = true
                if inner.isEmpty, url.hasPrefix("#") {
                    // A cross-reference: the figure's or table's number, or the heading's text.
                    let name = String(url.dropFirst())
                    result.append(TextSpan(references[name] ?? name, style: linked, link: url))
                    continue
                }
                append(inner, style: linked, link: url, into: &result)
            case .image(let description):
                var muted = style
                muted.color = theme.muted
                result.append(TextSpan("[\(description)]", style: muted, link: link))
            case .footnoteReference(let number):
                // The mark in superscript digits, linked to the note (BlockFlow anchors the way back).
                var mark = style
                mark.color = theme.link
                result.append(TextSpan(Self.superscript(number), style: mark, link: "#fn-\(number)"))
            case .picture(let image):
                result.append(picture(image, style: style, link: link))
            case .styled(let kind, let inner):
                append(inner, style: styled(style, kind), link: link, into: &result)
            }
        }
    }

    /// Joins neighbouring spans of the same style and link (fewer attribute runs to shape).
    private func merged(_ spans: [TextSpan]) -> [TextSpan] {
        var result: [TextSpan] = []
        for span in spans where !span.text.isEmpty {
            if var last = result.last, last.style == span.style, last.link == span.link, last.object == nil, span.object == nil {
                last.text += span.text
                result[result.count - 1] = last
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// `number` in superscript digits (¹²³).
    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
