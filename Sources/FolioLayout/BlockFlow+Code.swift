import FolioDisplay

/// Code blocks, line by line: a source line too long for the block wraps where it must (never with a
/// drawn hyphen), and each continuation starts under the line's indent behind a muted "↪", so a
/// wrapped shell command does not read as two.
extension BlockFlow {
    /// One line of a code block as drawn: the text, where it starts, and the mark before it, if any.
    struct CodeLine {
        var line: TextLine
        var x: Double = 0
        var mark: TextLine?
        var markX: Double = 0
        /// Whether this line continues the source line above it.
        var continues: Bool { mark != nil }
    }

    /// The continuation mark.
    static let continuationMark = "↪"

    /// The drawn lines of code `spans` (newlines separate source lines) in a block `width` wide.
    ///
    /// A plain ASCII source line is one line for text engines to set without a layout: all of them are
    /// measured in one batch (which a measurer may share between threads). Other plain source lines
    /// are shaped a chunk at a time, one paragraph per line in one measurement, so a long block costs
    /// a few hundred layouts, not one per line. A highlighted or linked line, one too wide for the
    /// block, and one with right-to-left text are measured alone.
    ///
    /// Nothing about a plain ASCII line is worth shaping ahead, so a dry run (`estimatesOnly`) leaves
    /// those lines out.
    func codeLines(_ spans: [TextSpan], style: TextStyle, width: Double) -> [CodeLine] {
        let sources = Self.sourceLines(spans)
        let isPlain = sources.map(\.isOnePlainASCIISpan)
        let plainLines = measurer.estimatesOnly ? [] : measurer.measureLines(zip(sources, isPlain).compactMap { $1 ? $0 : nil }, lang: lang)
        var nextPlain = plainLines.makeIterator()
        var result: [CodeLine] = []
        result.reserveCapacity(sources.count)
        var chunk: [[TextSpan]] = []
        var chunkBytes = 0
        func flush() {
            guard !chunk.isEmpty else { return }
            result += chunkLines(chunk, style: style, width: width)
            chunk = []
            chunkBytes = 0
        }
        for (source, plain) in zip(sources, isPlain) {
            if plain {
                guard let line = nextPlain.next() else { continue }
                flush()
                if line.width <= width { result.append(CodeLine(line: line)) } else { result += wrappedCodeLine(source, style: style, width: width) }
                continue
            }
            let bytes = source.reduce(1) { $0 + $1.text.utf8.count }
            if source.count != 1 || source[0].style != style || source[0].link != nil || source[0].object != nil || bytes > Self.codeChunkBytes / 4
                || Self.hasRightToLeft(source) {
                flush()
                result += wrappedCodeLine(source, style: style, width: width)
                continue
            }
            if chunkBytes + bytes > Self.codeChunkBytes { flush() }
            chunk.append(source)
            chunkBytes += bytes
        }
        flush()
        return result
    }

    /// The most text shaped as one chunk of code lines: under the size at which the measurer cuts a
    /// paragraph into windows.
    static let codeChunkBytes = 3000

    /// Lines of a chunk of source lines (each one span of the block's style): shaped together as one
    /// span without wrapping (Pango's cost per line grows with the attributes before it, so spans
    /// are not mixed); a line wider than the block is wrapped alone. Measured line by line if the
    /// chunk does not come back as one line per source line.
    private func chunkLines(_ sources: [[TextSpan]], style: TextStyle, width: Double) -> [CodeLine] {
        guard sources.count > 1 else { return wrappedCodeLine(sources[0], style: style, width: width) }
        let text = sources.map { $0.map(\.text).joined() }.joined(separator: "\n")
        let paragraph = StyledParagraph(spans: [TextSpan(text, style: style)], alignment: .left, lang: lang, preformatted: true)
        let lines = measurer.breakLines(paragraph, width: Self.unwrappedWidth)
        guard lines.count == sources.count,
              zip(lines, sources).allSatisfy({ line, source in line.text == source.map(\.text).joined() }) else {
            return sources.flatMap { wrappedCodeLine($0, style: style, width: width) }
        }
        var result: [CodeLine] = []
        for (line, source) in zip(lines, sources) {
            result += line.width <= width ? [CodeLine(line: line)] : wrappedCodeLine(source, style: style, width: width)
        }
        return result
    }

    /// A width no line of a chunk reaches.
    static let unwrappedWidth = 1_000_000.0

    /// Whether a line holds right-to-left letters or controls (measured alone, with its own direction).
    static func hasRightToLeft(_ spans: [TextSpan]) -> Bool {
        spans.contains { $0.text.unicodeScalars.contains(where: TextDirection.isRightToLeft) }
    }

    /// Lines of code as flow units inside the block's frame; a page may break anywhere but right
    /// after a block's first line or before its last.
    func addCodeLines(_ lines: [CodeLine], style: TextStyle, in context: Context) {
        let nominal = theme.lineHeight(style, leading: 1.3)
        // What `frame` puts under each line, made once per line height (a block's lines have one or two).
        var decorations: [Double: [DisplayItem]] = [:]
        for (index, code) in lines.enumerated() {
            let line = code.line
            let height = max(nominal, line.height + style.font.size * 0.15)
            let baseline = (height - line.height) / 2 + line.ascent
            var items = Self.textItems(line, origin: Point(x: context.x + code.x, y: baseline))
            if let mark = code.mark {
                items.append(.text(TextItem(origin: Point(x: context.x + code.markX, y: baseline), line: mark)))
            }
            var unit = FlowUnit(height: height, spaceBefore: 0, items: items)
            if let decorate = context.decorate {
                let decoration = decorations[height] ?? DisplayItem.artifact(decorate(height, Self.frameSeamOverlap))
                decorations[height] = decoration
                unit.items = decoration + items  // as `frame` would for a unit with no space before it
            }
            unit.canBreakAfter = lines.count < 4 ? index == lines.count - 1 : !(index == 0 || index == lines.count - 2)
            units.append(unit)
        }
    }

    private func wrappedCodeLine(_ source: [TextSpan], style: TextStyle, width: Double) -> [CodeLine] {
        let text = source.map(\.text).joined()
        guard !text.isEmpty else {
            return [CodeLine(line: measurer.measureLine([TextSpan(" ", style: style)], lang: lang).emptied())]
        }
        let whole = measurer.measureLine(source, lang: lang)
        if whole.width <= width { return [CodeLine(line: whole)] }
        let first = measurer.breakLines(StyledParagraph(spans: source, alignment: .left, lang: lang, preformatted: true),
                                        width: width).first ?? whole
        var result = [CodeLine(line: first)]
        let indentText = String(text.prefix { $0 == " " || $0 == "\t" }).replacingOccurrences(of: "\t", with: "    ")
        var markStyle = style
        markStyle.color = theme.muted
        let mark = measurer.measureLine([TextSpan(Self.continuationMark + " ", style: markStyle)], lang: lang)
        // Measured before a letter: a line's trailing spaces have no width.
        var indent = indentText.isEmpty ? 0 : measurer.width(of: indentText + "x", style: style) - measurer.width(of: "x", style: style)
        if indent + mark.width > width / 2 { indent = 0 }
        let rest = Self.dropping(first.text.count, from: source)
        guard !rest.isEmpty else { return result }
        let narrower = max(width - indent - mark.width, width / 2)
        let continued = measurer.breakLines(StyledParagraph(spans: rest, alignment: .left, lang: lang, preformatted: true),
                                            width: narrower)
        for line in continued {
            result.append(CodeLine(line: line, x: indent + mark.width, mark: mark, markX: indent))
        }
        return result
    }

    /// `spans` cut at each newline into source lines (the newlines dropped), at the newline's byte:
    /// splitting by `Character` cost a grapheme-break test per character.
    static func sourceLines(_ spans: [TextSpan]) -> [[TextSpan]] {
        var lines: [[TextSpan]] = [[]]
        for span in spans {
            var text = span.text
            text.withUTF8 { bytes in
                var partStart = 0
                while true {
                    let newline = bytes[partStart...].firstIndex(of: 0x0A) ?? bytes.count
                    if partStart < newline {
                        let part = String(decoding: UnsafeBufferPointer(rebasing: bytes[partStart..<newline]), as: UTF8.self)
                        lines[lines.count - 1].append(TextSpan(part, style: span.style, link: span.link))
                    }
                    guard newline < bytes.count else { break }
                    lines.append([])
                    partStart = newline + 1
                }
            }
        }
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// `spans` without their first `count` characters and the spaces that follow them.
    static func dropping(_ count: Int, from spans: [TextSpan]) -> [TextSpan] {
        var left = count
        var result: [TextSpan] = []
        var skippingSpaces = true
        for span in spans {
            var text = Substring(span.text)
            if left > 0 {
                let taken = min(left, text.count)
                text = text.dropFirst(taken)
                left -= taken
            }
            if left == 0, skippingSpaces {
                text = text.drop { $0 == " " || $0 == "\t" }
                if !text.isEmpty { skippingSpaces = false }
            }
            if !text.isEmpty { result.append(TextSpan(String(text), style: span.style, link: span.link)) }
        }
        return result
    }
}

extension TextLine {
    /// This line's height with no text (a blank source line).
    func emptied() -> TextLine {
        var copy = self
        copy.spans = []
        copy.glyphRuns = []
        copy.width = 0
        copy.links = []
        return copy
    }
}
