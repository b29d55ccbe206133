import Foundation

/// Images and raw HTML in the Markdown body: resolved images (block and inline, with `{width=…}`),
/// inline HTML tags applied, block HTML kept as text.
extension MarkdownParser {
    var resolver: ImageResolver { ImageResolver(baseFolder: baseFolder, log: log, cache: imageCache) }

    var inlineHTML: InlineHTML {
        InlineHTML(image: { tag, location in imageTag(tag, at: location) }, warnings: htmlWarnings)
    }

    /// An image node as an inline picture.
    func picture(_ node: CmarkNode) -> Inline {
        .picture(resolver.resolve(node.url, alt: inlineText(node), at: location(node)))
    }

    /// An `<img src alt width>` tag as an inline picture (nil without `src`).
    func imageTag(_ tag: HTMLTag, at location: SourceLocation) -> Inline? {
        guard let source = tag.attributes["src"] else {
            htmlWarnings.warn("img-src", at: location, "<img> without src is left out")
            return nil
        }
        var image = resolver.resolve(source, alt: tag.attributes["alt"] ?? tag.attributes["title"] ?? "", at: location)
        if let width = tag.attributes["width"].flatMap(ImageWidth.init) {
            image.width = width
        } else if case .points(let height) = tag.attributes["height"].flatMap(ImageWidth.init), image.isDrawable {
            // Only a height (README badges): the width that keeps the image's proportions.
            image.width = .points(height * image.naturalWidth / image.naturalHeight)
        }
        return .picture(image)
    }

    /// A node's inlines once cmark's separate HTML tags are paired and `{width=…}` attributes read.
    func finishInlines(_ inlines: [Inline], marks: [InlineHTML.Mark]) -> [Inline] {
        ImageAttributes.apply(inlineHTML.apply(marks, to: inlines)) { image, text in
            log.add(.warning(at: image.location, "image attributes '\(ImageReference.shortened(text, limit: 40))' are not understood; they are shown as text",
                             hints: ["write {width=50%} or {width=4cm}"]))
        }
    }

    /// A paragraph holding only an image (no link around it) is a figure.
    func imageBlock(_ content: [Inline]) -> ImageBlock? {
        // Most paragraphs hold no picture: their text need not be looked at (trimming each run
        // through Foundation cost 42,000 instructions).
        guard content.contains(where: { if case .picture = $0 { return true }; return false }) else { return nil }
        let visible = content.filter { if case .text(let text) = $0 { return !text.trimmingCharacters(in: .whitespaces).isEmpty }; return $0 != .softBreak }
        guard visible.count == 1, case .picture(let image) = visible[0] else { return nil }
        return ImageBlock(image: image, caption: image.alt)
    }

    /// A block of raw HTML: its text as a paragraph (a figure when it holds only an image), or nil when it has none.
    func htmlBlock(_ node: CmarkNode, at: SourceLocation) -> Block? {
        let (inlines, marks) = HTMLBlockText.tokens(node.literal, at: at)
        let content = HTMLBlockText.trimmed(finishInlines(inlines, marks: marks))
        guard !content.isEmpty, !content.plainText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                || content.contains(where: { if case .picture = $0 { return true }; return false }) else { return nil }
        if let image = imageBlock(content) { return Block(.image(image), at: at) }
        return Block(.paragraph(content), at: at)
    }
}

/// Pandoc-style attributes after an image: `![x](a.png){width=50%}`, `{#fig:map width=4cm}`.
enum ImageAttributes {
    /// `inlines` with each picture's attribute text read into it and removed (nested runs were
    /// done when their own node was read).
    static func apply(_ inlines: [Inline], unread: (ImageReference, String) -> Void = { _, _ in }) -> [Inline] {
        guard inlines.contains(where: { if case .picture = $0 { return true }; return false }) else { return inlines }
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let text) = inline, text.hasPrefix("{"), case .picture(var image) = result.last {
                guard let (attributes, rest) = parse(text) else {
                    if text.contains("}") { unread(image, String(text.prefix(through: text.firstIndex(of: "}") ?? text.startIndex))) }
                    result.append(inline)
                    continue
                }
                if let width = attributes.width { image.width = width }
                if let id = attributes.id { image.id = id }
                result[result.count - 1] = .picture(image)
                if !rest.isEmpty { result.append(.text(rest)) }
                continue
            }
            result.append(inline)
        }
        return result
    }

    /// The attributes in `text`'s leading `{…}` and the text after it; nil when it is no attribute list.
    static func parse(_ text: String) -> (attributes: (width: ImageWidth?, id: String?), rest: String)? {
        guard let close = text.firstIndex(of: "}") else { return nil }
        let body = text[text.index(after: text.startIndex)..<close]
        var width: ImageWidth?, id: String?
        for token in body.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if token.hasPrefix("#") { id = String(token.dropFirst()); continue }
            if token.hasPrefix(".") { continue }
            let parts = token.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            if parts[0] == "width" {
                guard let parsed = ImageWidth(String(parts[1])) else { return nil }
                width = parsed
            }
        }
        return ((width, id), String(text[text.index(after: close)...]))
    }
}
