import FolioDisplay
import FolioModel

/// Code blocks: the text of a fenced block, highlighted when its fence names a language.
extension BlockFlow {
    /// The spans of a code block: one plain span, or the highlighter's tokens in the layout's code colours.
    func codeSpans(_ text: String, language: String?) -> [TextSpan] {
        guard let language, let tokens = highlights?.tokens(text, language: language) ?? SyntaxHighlighter.tokens(text, language: language),
              !tokens.isEmpty else {
            return [TextSpan(text, style: theme.code)]
        }
        let bytes = Array(text.utf8)
        var spans: [TextSpan] = []
        var position = 0
        func add(_ range: Range<Int>, _ style: TextStyle) {
            guard !range.isEmpty else { return }
            spans.append(TextSpan(String(decoding: bytes[range], as: UTF8.self), style: style))
        }
        for token in tokens where token.range.lowerBound >= position && token.range.upperBound <= bytes.count {
            add(position..<token.range.lowerBound, theme.code)
            var style = theme.code
            style.color = theme.codeColor(token.kind)
            if token.kind == .comment { style.font.italic = true }
            add(token.range, style)
            position = token.range.upperBound
        }
        add(position..<bytes.count, theme.code)
        return spans
    }
}
