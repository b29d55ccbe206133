import Foundation

/// The text and tags of a block of raw HTML (`<div>`, `<details>`, `<p align="center">`): its text is
/// kept as a paragraph, block elements start new lines, comments are left out.
enum HTMLBlockText {
    /// Elements that start a new line of text.
    static let blockElements: Set<String> = ["div", "p", "details", "summary", "section", "article", "header", "footer",
                                             "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3",
                                             "h4", "h5", "h6", "figure", "figcaption", "center", "main", "nav", "aside", "pre", "hr"]

    /// The block's text as inlines, and its tags as marks among them (for `InlineHTML`).
    static func tokens(_ html: String, at location: SourceLocation) -> (inlines: [Inline], marks: [InlineHTML.Mark]) {
        var inlines: [Inline] = []
        var marks: [InlineHTML.Mark] = []
        var rest = Substring(html)
        func addText(_ text: Substring) {
            let collapsed = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                .joined(separator: " ")
            let squeezed = collapsed.replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
            if !squeezed.isEmpty { inlines.append(.text(HTMLEntities.decode(squeezed))) }
        }
        while let open = rest.firstIndex(of: "<") {
            addText(rest[..<open])
            if rest[open...].hasPrefix("<!--") {
                guard let end = rest[open...].range(of: "-->") else { rest = ""; break }
                rest = rest[end.upperBound...]
                continue
            }
            guard let close = rest[open...].firstIndex(of: ">") else { addText(rest[open...]); rest = ""; break }
            let text = String(rest[open...close])
            rest = rest[rest.index(after: close)...]
            guard let tag = HTMLTag(text) else { continue }
            if blockElements.contains(tag.name) { inlines.append(.lineBreak) }
            if (tag.name == "td" || tag.name == "th") && !tag.isClosing { inlines.append(.text(" ")) }
            marks.append(InlineHTML.Mark(index: inlines.count, tag: tag, location: location))
        }
        addText(rest)
        return (inlines, marks)
    }

    /// `inlines` without blank text and line breaks at either end, and without runs of line breaks.
    static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .lineBreak = inline {
                if result.isEmpty || result.last == .lineBreak { continue }
                if case .text(let text) = result.last, text.trimmingCharacters(in: .whitespaces).isEmpty { result.removeLast() }
                if result.isEmpty || result.last == .lineBreak { continue }
            }
            if case .text(let text) = inline, text.trimmingCharacters(in: .whitespaces).isEmpty,
               result.isEmpty || result.last == .lineBreak { continue }
            result.append(inline)
        }
        while let last = result.last {
            if last == .lineBreak { result.removeLast(); continue }
            if case .text(let text) = last, text.trimmingCharacters(in: .whitespaces).isEmpty { result.removeLast(); continue }
            break
        }
        if case .text(let text) = result.first { result[0] = .text(String(text.drop(while: { $0 == " " }))) }
        return result
    }
}
