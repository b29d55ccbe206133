import Foundation

/// Turns a briefing's Markdown body into typed blocks, keeping every node's source position.
struct MarkdownParser {
    /// The file the body came from, and the lines before the body (front matter).
    let file: String
    let lineOffset: Int
    /// Folder that relative image paths start from.
    let baseFolder: String
    let data: DataSet
    let log: DiagnosticLog
    /// Whether the missing highlighter was reported (once per document).
    var warnedNoHighlighter = false
    /// Source line of each line of a rendered template body (index 0: line 1); empty: `lineOffset` applies.
    var lineMap: [Int] = []

    /// Nesting deeper than this (lists in quotes in lists…) is refused.
    static let maximumDepth = 48

    private var headingCount = 0
    private var chartCounts: [ChartBlock.Kind: Int] = [:]
    private var chartIDs: Set<String> = []
    /// Footnote definitions so far: cmark-gfm lists them at the end, in the order of first reference.
    private var footnoteCount = 0
    /// Names internal links may reach (heading slugs and ids, figure and table ids), and how often
    /// each slug was given (a repeated heading's slug gets `-1`, `-2`, …).
    var targets: Set<String> = []
    var slugCounts: [String: Int] = [:]
    /// Links to `#name` in the body, checked once every target is known.
    var internalLinks: [(name: String, at: SourceLocation, line: Int)] = []
    /// The Markdown being parsed (to place dead links exactly: cmark's inline columns are approximate).
    var markdown = ""
    /// Characters of the text reached only through entities (`&#xD06;`), for choosing fonts.
    private(set) var characters: Set<UInt32> = []
    private var collectsEntityCharacters = false
    /// Raw HTML tags warned about (once per tag name per document).
    let htmlWarnings: HTMLTagWarnings
    /// Images already read (one read per file however often it is used).
    let imageCache = ImageCache()

    init(file: String, lineOffset: Int, baseFolder: String, data: DataSet, log: DiagnosticLog) {
        self.file = file
        self.lineOffset = lineOffset
        self.baseFolder = baseFolder
        self.data = data
        self.log = log
        self.htmlWarnings = HTMLTagWarnings(log: log)
    }

    mutating func parse(_ markdown: String) throws -> [Block] {
        guard let document = CmarkDocument(markdown: markdown) else {
            throw Diagnostic.error(at: SourceLocation(file: file, line: lineOffset + 1, column: 1), "cannot parse the Markdown")
        }
        collectsEntityCharacters = ByteScan.contains(UInt8(ascii: "&"), in: markdown)
        self.markdown = markdown
        let result = try blocks(in: CmarkNode(pointer: document.root), depth: 0)
        targets.formUnion(chartIDs)
        checkInternalLinks()
        return result
    }

    func location(_ node: CmarkNode) -> SourceLocation {
        let line = node.line >= 1 && node.line <= lineMap.count ? lineMap[node.line - 1] : node.line + lineOffset
        return SourceLocation(file: file, line: line, column: node.column)
    }

    mutating func blocks(in parent: CmarkNode, depth: Int) throws -> [Block] {
        guard depth < Self.maximumDepth else {
            throw Diagnostic.error(at: location(parent), "blocks nested deeper than \(Self.maximumDepth) levels")
        }
        var result: [Block] = []
        for node in parent {
            if let block = try block(node, depth: depth) { result.append(block) }
        }
        return result
    }

    mutating func block(_ node: CmarkNode, depth: Int) throws -> Block? {
        let at = location(node)
        switch node.type {
        case "heading":
            headingCount += 1
            let (content, id) = Self.headingAttributes(try inlines(node, depth: depth))
            var heading = Heading(level: node.headingLevel, content: content, anchor: "sec-\(headingCount)")
            heading.ids = headingIDs(content, explicit: id, at: at)
            targets.insert(heading.anchor)
            return Block(.heading(heading), at: at)
        case "paragraph":
            let content = try inlines(node, depth: depth)
            if let image = imageBlock(content) { return Block(.image(image), at: at) }
            return Block(.paragraph(content), at: at)
        case "block_quote":
            let inner = try blocks(in: node, depth: depth + 1)
            if let alert = Self.alert(in: inner) { return Block(.alert(alert), at: at) }
            return Block(.quote(inner), at: at)
        case "list":
            var items: [[Block]] = []
            var tasks: [Bool?] = []
            for item in node {
                items.append(try blocks(in: item, depth: depth + 1))
                tasks.append(item.type == "tasklist" ? item.isCheckedTask : nil)
            }
            var list = ListBlock(ordered: node.isOrderedList, start: node.listStart, tight: node.listTight, items: items)
            if tasks.contains(where: { $0 != nil }) { list.tasks = tasks }
            list.parenthesis = node.isParenthesisList
            return Block(.list(list), at: at)
        case "code_block":
            return try fence(node, at: at)
        case "html_block":
            let html = node.literal.trimmingCharacters(in: .whitespacesAndNewlines)
            if html.replacingOccurrences(of: " ", with: "").lowercased() == "<!--pagebreak-->" {
                return Block(.pageBreak, at: at)
            }
            if let orientation = Self.turn(html) { return Block(.turn(orientation), at: at) }
            return htmlBlock(node, at: at)
        case "thematic_break":
            return Block(.thematicBreak, at: at)
        case "table":
            return Block(.table(try table(node, depth: depth)), at: at)
        default:
            if node.isFootnoteDefinition {
                footnoteCount += 1
                return Block(.footnote(Footnote(number: footnoteCount, blocks: try blocks(in: node, depth: depth + 1))), at: at)
            }
            return nil
        }
    }

    mutating func fence(_ node: CmarkNode, at: SourceLocation) throws -> Block {
        let info = node.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
        var body = node.literal
        let bodyLocation = SourceLocation(file: file, line: at.line + 1, column: at.column)
        var placement = BlockPlacement()
        if FenceInfo.known.contains(info) {
            (placement, body) = try FenceKeys.placement(in: body, file: file, firstLine: bodyLocation.line)
        }
        var block = try fenceBlock(info: info, body: body, bodyLocation: bodyLocation, at: at)
        block.placement = placement
        return block
    }

    mutating func fenceBlock(info: String, body: String, bodyLocation: SourceLocation, at: SourceLocation) throws -> Block {
        if let kind = ChartBlock.Kind(rawValue: info) {
            let count = (chartCounts[kind] ?? 0) + 1
            chartCounts[kind] = count
            let used = kind == .chart ? try FenceKeys.chartID(in: body, file: file, firstLine: bodyLocation.line)
                : try FenceKeys.use(in: body, file: file, firstLine: bodyLocation.line)
            // Ids name output files: a second chart of the same spec gets "-2", "-3", ...
            var id = used ?? "\(kind.rawValue)-\(count)"
            if chartIDs.contains(id) {
                var suffix = 2
                while chartIDs.contains("\(id)-\(suffix)") { suffix += 1 }
                id = "\(id)-\(suffix)"
            }
            chartIDs.insert(id)
            let chart = ChartBlock(kind: kind, id: id, body: body, bodyLocation: bodyLocation)
            return Block(.chart(chart), at: at)
        }
        if info == "table" {
            return Block(.table(try dataTable(body, bodyLocation: bodyLocation)), at: at)
        }
        if let meant = FenceInfo.likelyTypo(info) {
            throw Diagnostic.error(at: at, "unknown fence '\(info)'", hints: ["did you mean '\(meant)'?"])
        }
        // The last character cut by its index: `dropLast` on a string counts every character first.
        let text = body.hasSuffix("\n") ? String(body[..<body.index(before: body.endIndex)]) : body
        if !info.isEmpty, !warnedNoHighlighter, SyntaxHighlighter.definitionPath(for: info) != nil,
           SyntaxHighlighterLibrary.highlight == nil {
            warnedNoHighlighter = true
            log.add(.warning(at: at, "code is set plain: syntax highlighting needs \(SyntaxHighlighterLibrary.fileName), which is not beside folio",
                             hints: ["build it with `make build` (swift build --product FolioHighlight) and keep it beside the folio binary"]))
        }
        return Block(.code(language: info.isEmpty ? nil : info, text: text), at: at)
    }

    mutating func dataTable(_ body: String, bodyLocation: SourceLocation) throws -> TableBlock {
        let table = try TableFence.read(body, bodyLocation: bodyLocation, data: data)
        if let id = table.id { targets.insert(id) }
        return table
    }

    mutating func table(_ node: CmarkNode, depth: Int) throws -> TableBlock {
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in node {
            var cells: [[Inline]] = []
            for cell in row { cells.append(try inlines(cell, depth: depth)) }
            if row.isHeaderRow, header.isEmpty { header = cells } else { rows.append(cells) }
        }
        let alignments: [TableBlock.Alignment] = node.tableAlignments.map {
            switch $0 {
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            default: return .left
            }
        }
        return TableBlock(header: header, rows: rows, alignments: alignments)
    }

    func inlineText(_ node: CmarkNode) -> String {
        node.type == "text" || node.type == "code" ? node.literal : Array(node).map { inlineText($0) }.joined()
    }

    mutating func inlines(_ parent: CmarkNode, depth: Int) throws -> [Inline] {
        guard depth < Self.maximumDepth else {
            throw Diagnostic.error(at: location(parent), "inline styles nested deeper than \(Self.maximumDepth) levels")
        }
        var result: [Inline] = []
        var htmlMarks: [InlineHTML.Mark] = []
        for node in parent {
            switch node.type {
            case "text":
                let literal = node.literal
                if collectsEntityCharacters { characters.formUnion(Characters.nonASCII(in: literal)) }
                // Neighbouring text nodes ("[", "!NOTE", "]") join into one run.
                // (Not across a raw HTML tag: its mark points between them.)
                if case .text(let before)? = result.last, htmlMarks.last?.index != result.count {
                    result[result.count - 1] = .text(before + literal)
                } else {
                    result.append(.text(literal))
                }
            case "code": result.append(.code(node.literal))
            case "softbreak": result.append(.softBreak)
            case "linebreak": result.append(.lineBreak)
            case "emph": result.append(.emphasis(try inlines(node, depth: depth + 1)))
            case "strong": result.append(.strong(try inlines(node, depth: depth + 1)))
            case "strikethrough": result.append(.strikethrough(try inlines(node, depth: depth + 1)))
            case "link":
                let url = node.url
                if url.hasPrefix("#") { internalLinks.append((String(url.dropFirst()), location(node), node.line)) }
                result.append(.link(url: url, try inlines(node, depth: depth + 1)))
            case "image": result.append(picture(node))
            case "html_inline":
                if let tag = HTMLTag(node.literal) { htmlMarks.append(InlineHTML.Mark(index: result.count, tag: tag, location: location(node))) }
            default:
                if node.isFootnoteReference, let number = Int(node.literal) { result.append(.footnoteReference(number)) }
            }
        }
        return Self.collapsingWhitespace(finishInlines(result, marks: htmlMarks))
    }

    /// `<!-- pagebreak landscape -->` or `<!-- pagebreak portrait -->`: the orientation it turns to.
    static func turn(_ html: String) -> PageOrientation? {
        let words = html.replacingOccurrences(of: "<!--", with: " ").replacingOccurrences(of: "-->", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).map { $0.lowercased() }
        guard words.count == 2, words[0] == "pagebreak", html.hasPrefix("<!--"), html.hasSuffix("-->") else { return nil }
        return PageOrientation(rawValue: words[1])
    }
}
