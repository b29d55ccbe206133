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
    /// Source line of each line of a rendered template body (index 0: line 1); empty: `lineOffset` applies.
    var lineMap: [Int] = []

    /// Nesting deeper than this (lists in quotes in lists…) is refused.
    static let maximumDepth = 48

    private var headingCount = 0
    private var chartCounts: [ChartBlock.Kind: Int] = [:]
    private var chartIDs: Set<String> = []
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
        return try blocks(in: CmarkNode(pointer: document.root), depth: 0)
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
            let heading = Heading(level: node.headingLevel, content: try inlines(node, depth: depth), anchor: "sec-\(headingCount)")
            return Block(.heading(heading), at: at)
        case "paragraph":
            let content = try inlines(node, depth: depth)
            if let image = imageBlock(content) { return Block(.image(image), at: at) }
            return Block(.paragraph(content), at: at)
        case "block_quote":
            return Block(.quote(try blocks(in: node, depth: depth + 1)), at: at)
        case "list":
            var items: [[Block]] = []
            for item in node { items.append(try blocks(in: item, depth: depth + 1)) }
            let list = ListBlock(ordered: node.isOrderedList, start: node.listStart, tight: node.listTight, items: items)
            return Block(.list(list), at: at)
        case "code_block":
            return try fence(node, at: at)
        case "html_block":
            let html = node.literal.trimmingCharacters(in: .whitespacesAndNewlines)
            if html.replacingOccurrences(of: " ", with: "").lowercased() == "<!--pagebreak-->" {
                return Block(.pageBreak, at: at)
            }
            return htmlBlock(node, at: at)
        case "thematic_break":
            return Block(.thematicBreak, at: at)
        case "table":
            return Block(.table(try table(node, depth: depth)), at: at)
        default:
            return nil
        }
    }

    mutating func fence(_ node: CmarkNode, at: SourceLocation) throws -> Block {
        let info = node.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
        let body = node.literal
        let bodyLocation = SourceLocation(file: file, line: at.line + 1, column: at.column)
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
        let text = body.hasSuffix("\n") ? String(body.dropLast()) : body
        return Block(.code(language: info.isEmpty ? nil : info, text: text), at: at)
    }

    func dataTable(_ body: String, bodyLocation: SourceLocation) throws -> TableBlock {
        try TableFence.read(body, bodyLocation: bodyLocation, data: data)
    }

    func table(_ node: CmarkNode, depth: Int) throws -> TableBlock {
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

    func inlines(_ parent: CmarkNode, depth: Int) throws -> [Inline] {
        guard depth < Self.maximumDepth else {
            throw Diagnostic.error(at: location(parent), "inline styles nested deeper than \(Self.maximumDepth) levels")
        }
        var result: [Inline] = []
        var htmlMarks: [InlineHTML.Mark] = []
        for node in parent {
            switch node.type {
            case "text": result.append(.text(node.literal))
            case "code": result.append(.code(node.literal))
            case "softbreak": result.append(.softBreak)
            case "linebreak": result.append(.lineBreak)
            case "emph": result.append(.emphasis(try inlines(node, depth: depth + 1)))
            case "strong": result.append(.strong(try inlines(node, depth: depth + 1)))
            case "strikethrough": result.append(.strikethrough(try inlines(node, depth: depth + 1)))
            case "link": result.append(.link(url: node.url, try inlines(node, depth: depth + 1)))
            case "image": result.append(picture(node))
            case "html_inline":
                if let tag = HTMLTag(node.literal) { htmlMarks.append(InlineHTML.Mark(index: result.count, tag: tag, location: location(node))) }
            default: break
            }
        }
        return finishInlines(result, marks: htmlMarks)
    }
}
