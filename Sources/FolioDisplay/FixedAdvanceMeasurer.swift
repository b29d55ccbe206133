/// A text measurer where every character advances by a fixed fraction of the font size.
///
/// Layout and chart tests use it to check geometry without Pango: results are exact and
/// independent of installed fonts. Lines break at spaces, greedily.
public final class FixedAdvanceMeasurer: TextMeasuring {
    /// Advance of one character as a fraction of the font size.
    public let advance: Double

    public init(advance: Double = 0.5) { self.advance = advance }

    func charWidth(_ style: TextStyle) -> Double { style.font.size * advance }

    func spanWidth(_ span: TextSpan) -> Double {
        span.object?.width ?? Double(span.text.count) * charWidth(span.style)
    }

    public func measureLine(_ spans: [TextSpan], lang: String) -> TextLine {
        let width = spans.reduce(0) { $0 + spanWidth($1) }
        let size = spans.map(\.style.font.size).max() ?? 10
        var ascent = size * 0.8, descent = size * 0.2
        var x = 0.0
        var links: [LinkRun] = []
        var objects: [ObjectRun] = []
        for span in spans {
            let w = spanWidth(span)
            if let target = span.link { links.append(LinkRun(target: target, x: x, width: w)) }
            if let object = span.object {
                objects.append(ObjectRun(x: x, object: object))
                ascent = max(ascent, object.ascent)
                descent = max(descent, object.descent)
            }
            x += w
        }
        var line = TextLine(spans: spans, width: width, ascent: ascent, descent: descent, links: links, lang: lang)
        line.objects = objects
        return line
    }

    public func breakLines(_ paragraph: StyledParagraph, width: Double) -> [TextLine] {
        // Split every span into words (keeping the trailing space with each word), then fill lines greedily.
        var words: [[TextSpan]] = [[]]
        for span in paragraph.spans {
            if span.object != nil { words[words.count - 1].append(span); continue }
            let text = span.text
            // ASCII text is walked by bytes (where CR LF is one character, its LF is no line break).
            let ascii = text.utf8.allSatisfy { $0 < 0x80 }
            var start = text.startIndex, index = start
            while index < text.endIndex {
                let character: Character
                let next: String.Index
                if ascii {
                    next = text.utf8.index(after: index)
                    let byte = text.utf8[index]
                    character = byte == 0x0A ? "\n" : byte == 0x20 ? " " : "x"
                    if byte == 0x0D, next < text.endIndex, text.utf8[next] == 0x0A {
                        index = text.utf8.index(after: next)  // CR LF: one character, not a break
                        continue
                    }
                } else {
                    character = text[index]
                    next = text.index(after: index)
                }
                if character == "\n" {
                    if start < index { words[words.count - 1].append(TextSpan(String(text[start..<index]), style: span.style, link: span.link)) }
                    words.append([TextSpan("\n", style: span.style)])
                    words.append([])
                    start = next
                } else if character == " " {
                    words[words.count - 1].append(TextSpan(String(text[start..<next]), style: span.style, link: span.link))
                    words.append([])
                    start = next
                }
                index = next
            }
            if start < text.endIndex { words[words.count - 1].append(TextSpan(String(text[start...]), style: span.style, link: span.link)) }
        }
        var lines: [[TextSpan]] = [[]]
        var lineWidth = 0.0
        for word in words where !word.isEmpty {
            if word.count == 1, word[0].text == "\n" { lines.append([]); lineWidth = 0; continue }
            let w = word.reduce(0) { $0 + spanWidth($1) }  // measureLine's width
            let trailing = word.last?.text.last == " " ? charWidth(word[word.count - 1].style) : 0
            if lineWidth + w - trailing > width, !lines[lines.count - 1].isEmpty {
                lines.append([])
                lineWidth = 0
            }
            lines[lines.count - 1].append(contentsOf: word)
            lineWidth += w
        }
        return lines.enumerated().map { index, spans in
            var trimmed = spans
            if var last = trimmed.last, last.text.hasSuffix(" ") {
                last.text.removeLast()
                trimmed[trimmed.count - 1] = last
            }
            var line = measureLine(trimmed, lang: paragraph.lang)
            if paragraph.alignment == .justify, index < lines.count - 1 { line.justifiedWidth = width }
            return line
        }
    }
}
