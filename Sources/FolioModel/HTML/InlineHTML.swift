import Foundation

/// Raw inline HTML among Markdown inlines: cmark-gfm hands over each tag on its own (`<b>`, text,
/// `</b>`); this pairs the tags and turns the honoured ones into styled inlines. The text inside
/// any other element is kept; a tag that cannot be honoured is warned about once per document.
struct InlineHTML {
    /// A tag found among a node's inlines: it stood before `inlines[index]`.
    struct Mark {
        var index: Int
        var tag: HTMLTag
        var location: SourceLocation
    }

    /// Makes an inline image of an `<img>` tag's attributes.
    let image: (HTMLTag, SourceLocation) -> Inline?
    let warnings: HTMLTagWarnings

    /// Elements whose only meaning is grouping: their text is kept without a warning.
    static let containers: Set<String> = ["span", "div", "p", "details", "summary", "section", "article", "header", "footer",
                                          "main", "nav", "aside", "figure", "figcaption", "center", "picture", "abbr", "bdi",
                                          "bdo", "time", "data", "label", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
                                          "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3",
                                          "h4", "h5", "h6", "source", "wbr", "q"]
    /// Elements whose content is not text for the reader: dropped (with a warning).
    static let dropped: Set<String> = ["script", "style", "template", "noscript", "iframe", "object", "video", "audio", "svg", "math", "head", "title"]

    /// `inlines` with `marks` applied.
    func apply(_ marks: [Mark], to inlines: [Inline]) -> [Inline] {
        guard !marks.isEmpty else { return inlines }
        var tokens: [Token] = []
        var next = 0
        for mark in marks.sorted(by: { $0.index < $1.index }) {
            while next < mark.index, next < inlines.count { tokens.append(.inline(inlines[next])); next += 1 }
            tokens.append(.tag(mark.tag, mark.location))
        }
        while next < inlines.count { tokens.append(.inline(inlines[next])); next += 1 }
        var position = 0
        return build(tokens, &position, closing: nil, depth: 0)
    }

    enum Token {
        case inline(Inline)
        case tag(HTMLTag, SourceLocation)
    }

    /// Elements nested deeper than this are not nested further (their tags are dropped, their text kept).
    static let maximumDepth = 32

    /// Inlines up to the close of `closing` (or the end), nested elements built recursively.
    func build(_ tokens: [Token], _ position: inout Int, closing: String?, depth: Int) -> [Inline] {
        var result: [Inline] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .inline(let inline):
                result.append(inline)
            case .tag(let tag, let location):
                if tag.isClosing {
                    if tag.name == closing { return result }
                    continue  // a stray closing tag
                }
                if tag.isSelfClosing {
                    result += element(tag, content: [], at: location)
                    continue
                }
                guard depth < Self.maximumDepth else { continue }
                let inner = build(tokens, &position, closing: tag.name, depth: depth + 1)
                result += element(tag, content: inner, at: location)
            }
        }
        return result
    }

    /// What one element becomes.
    func element(_ tag: HTMLTag, content: [Inline], at location: SourceLocation) -> [Inline] {
        switch tag.name {
        case "br": return [.lineBreak]
        case "img": return image(tag, location).map { [$0] } ?? []
        case "b", "strong": return [.strong(content)]
        case "i", "em", "cite", "var", "dfn": return [.emphasis(content)]
        case "u", "ins": return [.styled(.underline, content)]
        case "mark": return [.styled(.mark, content)]
        case "sub": return [.styled(.`subscript`, content)]
        case "sup": return [.styled(.superscript, content)]
        case "kbd": return [.styled(.keyboard, content)]
        case "code", "tt", "samp": return [.code(content.plainText)]
        case "s", "del", "strike": return [.strikethrough(content)]
        case "a":
            guard let href = tag.attributes["href"], !href.isEmpty else { return content }
            return [.link(url: href, content)]
        case "hr": return [.lineBreak]
        default:
            if Self.containers.contains(tag.name) { return content }
            if Self.dropped.contains(tag.name) {
                warnings.warn(tag.name, at: location, "HTML element <\(tag.name)> is not rendered; its content is left out")
                return []
            }
            warnings.warn(tag.name, at: location, "HTML tag <\(tag.name)> is not honoured; its text is kept")
            return content
        }
    }
}

/// Warns once per tag name per document about raw HTML that cannot be honoured.
final class HTMLTagWarnings: @unchecked Sendable {
    private var warned: Set<String> = []
    private let lock = NSLock()
    let log: DiagnosticLog

    init(log: DiagnosticLog) { self.log = log }

    func warn(_ name: String, at location: SourceLocation, _ message: String) {
        let first = lock.withLock { warned.insert(name).inserted }
        if first { log.add(.warning(at: location, message)) }
    }
}
