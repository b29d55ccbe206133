import FolioCharts
import FolioDisplay
import FolioModel

/// Turns body blocks into flow units at a given width: paragraphs into lines, tables into rows.
final class BlockFlow {
    let theme: Theme
    let measurer: TextMeasuring
    let briefing: Briefing
    let styler: InlineStyler
    let lang: String
    /// Running figure and table numbers.
    var figureCount = 0
    var tableCount = 0
    var headingNumbers: [Int] = []
    var units: [FlowUnit] = []
    /// Pages where split charts landed in an earlier pass, and drawings of charts that need no second pass.
    var chartPages: [String: Int] = [:]
    var chartCache: [String: ChartDrawing] = [:]
    /// Alternative text of the charts laid out so far, by chart id.
    var chartDescriptions: [String: String] = [:]
    /// Plans of split charts, kept from one layout pass to the next.
    var chartPlans: ChartPlans?
    /// The briefing's code blocks highlighted once for every pass (nil: each block highlighted here).
    var highlights: CodeHighlights?
    /// Each footnote's lines by number, and the notes whose first mark has its back anchor.
    var footnoteUnits: [Int: [FlowUnit]] = [:]
    var citedFootnotes: Set<Int> = []
    /// Widths of words met in table cells (column minimums), shared by every table of the document.
    var tableWordWidths: [TextSpan: Double] = [:]

    init(briefing: Briefing, theme: Theme, measurer: TextMeasuring) {
        self.briefing = briefing
        self.theme = theme
        self.measurer = measurer
        self.styler = InlineStyler(theme: theme, references: CrossReferences(briefing.blocks).labels)
        self.lang = briefing.metadata.lang
    }

    /// Flow context: where blocks go and how they are decorated (inside quotes and lists).
    struct Context {
        var x: Double
        var width: Double
        /// Drawn behind every unit in this context (quote bars and backgrounds): called with the
        /// height to cover and how far above it to start (see `frame(_:in:opens:)`).
        var decorate: ((_ height: Double, _ above: Double) -> [DisplayItem])?
        var inQuote = false
        /// Space between blocks in this context.
        var blockGap: Double
    }

    func flow(_ blocks: [Block]) throws {
        try flowBody(blocks)
    }

    func flow(_ blocks: [Block], in context: Context) throws {
        for (index, block) in blocks.enumerated() {
            try flow(block, in: context, first: index == 0)
        }
    }

    func flow(_ block: Block, in context: Context, first: Bool) throws {
        let gap = first && context.inQuote ? 0 : context.blockGap
        switch block.kind {
        case .heading(let heading): addHeading(heading, in: context)
        case .paragraph(let inlines):
            let style = context.inQuote ? theme.quote : theme.body
            let alignment: TextAlignment = theme.layout.justify ? .justify : .left
            let start = units.count
            addParagraph(styler.spans(inlines, base: style), style: style, alignment: alignment, in: context, spaceBefore: gap)
            tag(StructureElement(.paragraph), from: start)
        case .list(let list): try addList(list, in: context, spaceBefore: gap, depth: 0)
        case .quote(let inner):
            let start = units.count
            try addQuote(inner, in: context, spaceBefore: gap)
            tag(StructureElement(.blockQuote), from: start)
        case .code(let language, let text):
            let start = units.count
            addCode(text, language: language, in: context, spaceBefore: gap)
            tag(StructureElement(.code), from: start)
        case .table(let table): addTable(table, in: context)
        case .image(let image):
            if image.image.alt.trimmingCharacters(in: .whitespaces).isEmpty, theme.layout.pdfStandards.contains("ua-1") {
                let name = (image.image.path ?? "").split(separator: "/").last ?? ""
                throw Diagnostic.error(at: block.location, "an image without alternative text cannot be in a PDF/UA-1 document",
                                       hints: ["describe it between the brackets: ![what the image shows](\(name))"])
            }
            addImage(image, in: context)
        case .thematicBreak: addRule(in: context)
        case .pageBreak:
            var marker = FlowUnit(height: 0, items: [])
            marker.breakBefore = true
            units.append(marker)
        case .chart(let chart): try addChart(chart, in: context)
        case .turn, .footnote: break // the top level's (flowBody)
        case .alert(let alert): try addAlert(alert, in: context, spaceBefore: gap)
        }
    }

    /// Adds one unit per line of a paragraph, with orphan/widow control.
    func addParagraph(_ spans: [TextSpan], style: TextStyle, alignment: TextAlignment, in context: Context,
                      spaceBefore: Double, hyphenate: Bool? = nil, leading: Double? = nil) {
        guard !spans.isEmpty else { return }
        let paragraph = StyledParagraph(spans: spans, alignment: alignment, lang: lang,
                                        hyphenate: hyphenate ?? theme.layout.hyphenate)
        let lines = measurer.breakLines(paragraph, width: context.width)
        addLines(lines, style: style, in: context, spaceBefore: spaceBefore, leading: leading)
    }

    func addLines(_ lines: [TextLine], style: TextStyle, in context: Context, spaceBefore: Double, leading: Double? = nil,
                  alignment: TextAlignment = .left) {
        let nominal = theme.lineHeight(style, leading: leading)
        for (index, line) in lines.enumerated() {
            let height = max(nominal, line.height + style.font.size * 0.15)
            let baseline = (height - line.height) / 2 + line.ascent
            var x = context.x
            if alignment == .center { x += (context.width - line.drawnWidth) / 2 }
            // Right-to-left lines start at the right where others start at the left.
            if alignment == .right || (line.rightToLeft && alignment != .center) { x += context.width - line.drawnWidth }
            var unit = FlowUnit(height: height, spaceBefore: index == 0 ? spaceBefore : 0,
                                items: Self.textItems(line, origin: Point(x: x, y: baseline)))
            frame(&unit, in: context)
            // No single line left at the bottom of a page or carried to the top of the next.
            unit.canBreakAfter = lines.count < 4 ? index == lines.count - 1 : !(index == 0 || index == lines.count - 2)
            units.append(unit)
        }
    }

    /// A text line and its link areas as display items.
    static func textItems(_ line: TextLine, origin: Point) -> [DisplayItem] {
        var items: [DisplayItem] = [.text(TextItem(origin: origin, line: line))]
        for link in line.links {
            let rect = Rect(x: origin.x + link.x, y: origin.y - line.ascent, width: link.width, height: line.height)
            let target: LinkItem.Target = link.target.hasPrefix("#") ? .anchor(String(link.target.dropFirst())) : .uri(link.target)
            let label = line.spans.filter { $0.link == link.target }.map(\.text).joined()
            items.append(.link(LinkItem(rect: rect, target: target, label: label)))
        }
        for run in line.objects { items += run.object.items.map { $0.translated(dx: origin.x + run.x, dy: origin.y) } }
        return items
    }

    func addHeading(_ heading: Heading, in context: Context) {
        let style = theme.heading(level: heading.level)
        let title = heading.content.plainText
        var label = title
        if let pattern = theme.layout.numbering {
            let depth = pattern.split(separator: ".").count
            if heading.level <= depth {
                if headingNumbers.count < heading.level { headingNumbers += Array(repeating: 0, count: heading.level - headingNumbers.count) }
                headingNumbers = Array(headingNumbers.prefix(heading.level))
                headingNumbers[heading.level - 1] += 1
                label = headingNumbers.map { String(max($0, 1)) }.joined(separator: ".") + "  " + title
            }
        }
        var spans = styler.spans(heading.content, base: style)
        if label != title { spans.insert(TextSpan(String(label.dropLast(title.count)), style: style), at: 0) }
        let lines = measurer.breakLines(StyledParagraph(spans: spans, alignment: .left, lang: lang), width: context.width)
        let spaceBefore = style.font.size * (heading.level == 1 ? 1.5 : 1.1)
        let start = units.count
        addLines(lines, style: style, in: context, spaceBefore: spaceBefore, leading: 1.22)
        guard units.count > start else { return }
        tag(StructureElement(.heading(heading.level)), from: start)
        for index in start..<units.count {
            units[index].keepWithNext = true
            units[index].canBreakAfter = false
        }
        units[start].items.insert(.anchor(AnchorItem(name: heading.anchor, point: Point(x: context.x, y: 0),
                                                     outlineTitle: label, outlineLevel: heading.level)), at: 0)
        // Its slug and `{#id}`: further destinations at the same place, not in the outline.
        for id in heading.ids { units[start].items.insert(.anchor(AnchorItem(name: id, point: Point(x: context.x, y: 0))), at: 1) }
        units[start].headings = [HeadingMark(anchor: heading.anchor, level: heading.level, title: label)]
        if heading.level == 1 { units[start].sectionTitle = title }
        // A little air under the heading, kept with it.
        units[units.count - 1].height += style.font.size * 0.35
    }

    /// How far a frame's decoration reaches above a unit inside it: a hair of overlap, so adjacent
    /// units show no anti-aliased seam.
    static let frameSeamOverlap = 0.5

    /// Puts `unit` in its context's frame (quote or code background): behind the unit, and, as its
    /// gap items, across the space above it, which is drawn only where that space is kept (not at
    /// the top of a page). The unit that opens a frame does not reach above it.
    func frame(_ unit: inout FlowUnit, in context: Context, opens: Bool = false) {
        guard let decorate = context.decorate else { return }
        unit.items.insert(contentsOf: DisplayItem.artifact(decorate(unit.height, opens ? 0 : Self.frameSeamOverlap)), at: 0)
        if !opens, unit.spaceBefore > 0 {
            unit.gapItems = decorate(unit.spaceBefore, Self.frameSeamOverlap).map { $0.translated(dx: 0, dy: -unit.spaceBefore) }
        }
    }

    func addRule(in context: Context) {
        let gap = theme.paragraphSpacing
        let items: [DisplayItem] = [.line(LineItem(from: Point(x: context.x, y: gap), to: Point(x: context.x + context.width, y: gap),
                                                   stroke: Stroke(color: theme.rule, width: 0.6)))]
        units.append(FlowUnit(height: gap * 2, spaceBefore: 0, items: items))
    }

    func addCode(_ text: String, language: String? = nil, in context: Context, spaceBefore: Double) {
        let pad = 6.0
        var inner = context
        inner.x += pad
        inner.width -= 2 * pad
        let background = theme.codeBackground, frameX = context.x, frameWidth = context.width
        let outer = context.decorate
        inner.decorate = { height, above in
            (outer?(height, above) ?? []) + [.rect(RectItem(rect: Rect(x: frameX, y: -above, width: frameWidth, height: height + above),
                                                            fill: background))]
        }
        addSpacer(pad, in: inner, spaceBefore: spaceBefore, keepWithNext: true, opensFrame: true)
        addCodeLines(codeLines(codeSpans(text, language: language), style: theme.code, width: inner.width), style: theme.code, in: inner)
        addSpacer(pad, in: inner, spaceBefore: 0, keepWithNext: false)
    }

    /// An empty unit of `height` carrying the context's decoration (padding inside quotes and code);
    /// the unit that opens a frame does not reach up into the space before it.
    func addSpacer(_ height: Double, in context: Context, spaceBefore: Double, keepWithNext: Bool, opensFrame: Bool = false) {
        var unit = FlowUnit(height: height, spaceBefore: spaceBefore, items: [])
        frame(&unit, in: context, opens: opensFrame)
        unit.canBreakAfter = !keepWithNext
        if !keepWithNext, units.count > 0 { units[units.count - 1].canBreakAfter = false }
        units.append(unit)
    }
}
