import FolioDisplay

/// Measures org cards through `TextMeasuring`, remembering lines already broken (titles repeat a lot).
final class OrgCardMaker {
    let style: OrgStyle
    let measurer: TextMeasuring
    private var cache: [TextKey: [TextLine]] = [:]

    struct TextKey: Hashable {
        var text: String
        var style: TextStyle
    }

    init(style: OrgStyle, measurer: TextMeasuring) {
        self.style = style
        self.measurer = measurer
    }

    /// Lines of `text` no wider than the card's text width (one shaping call when it fits on a line).
    func lines(_ text: String, _ textStyle: TextStyle) -> [TextLine] {
        let key = TextKey(text: text, style: textStyle)
        if let lines = cache[key] { return lines }
        let lang = style.theme.lang
        let single = measurer.measureLine([TextSpan(text, style: textStyle)], lang: lang)
        let lines = single.width <= style.maximumTextWidth
            ? [single]
            : measurer.breakLines(StyledParagraph(spans: [TextSpan(text, style: textStyle)], alignment: .center, lang: lang),
                                  width: style.maximumTextWidth)
        cache[key] = lines
        return lines
    }

    /// One line of `text`, unbroken.
    func line(_ text: String, _ textStyle: TextStyle) -> TextLine {
        let broken = lines(text, textStyle)
        return broken.count == 1 ? broken[0] : measurer.measureLine([TextSpan(text, style: textStyle)], lang: style.theme.lang)
    }

    /// The card of `node`, styled by its status and its diff mark.
    func card(for node: Org.Node, mark: OrgDiff.Mark?) -> OrgCard {
        let mark = mark ?? OrgDiff.Mark()
        var look = OrgCardLook(stroke: style.cardStroke, strokeWidth: 0.8, dash: [], fill: style.cardFill, faded: false)
        var tags: [(String, Color)] = []
        var details: [String] = []
        var legend = Set<OrgLegendEntry>()

        switch node.status {
        case .active: break
        case .new:
            look.stroke = OrgStyle.green; look.strokeWidth = 1.4
            if !mark.added { tags.append(("NEW", OrgStyle.green)); legend.insert(.new) }
        case .moved:
            look.stroke = OrgStyle.amber; look.strokeWidth = 1.4
            if !mark.isMoved { tags.append(("MOVED", OrgStyle.amber)); legend.insert(.movedStatus) }
        case .departed:
            look.faded = true
            tags.append(("DEPARTED", style.theme.muted)); legend.insert(.departed)
        case .vacant:
            look.dash = [3, 2]; look.strokeWidth = 1
            tags.append(("VACANT", style.theme.muted)); legend.insert(.vacant)
        }
        if mark.isChanged {
            look.stroke = OrgStyle.purple; look.strokeWidth = 1.6
            tags.insert(("CHANGED", OrgStyle.purple), at: 0); legend.insert(.changed)
            if let old = mark.renamedFrom { details.append("was named \(old)") }
            if let old = mark.retitledFrom { details.append(old.isEmpty ? "had no title" : "was: \(old)") }
        }
        if let from = mark.movedFrom {
            look.stroke = OrgStyle.amber; look.strokeWidth = 1.6
            tags.insert(("MOVED", OrgStyle.amber), at: 0); legend.insert(.moved)
            details.insert(from.isEmpty ? "was a top-level unit" : "was under \(from)", at: 0)
        }
        if mark.added {
            look.stroke = OrgStyle.green; look.strokeWidth = 1.6
            look.fill = OrgStyle.green.mixed(with: .white, amount: 0.9)
            tags.insert(("ADDED", OrgStyle.green), at: 0); legend.insert(.added)
        }
        if mark.removed {
            look = OrgCardLook(stroke: OrgStyle.red, strokeWidth: 1.2, dash: [3, 2], fill: .white, faded: true)
            tags = [("REMOVED", OrgStyle.red)]; details = []; legend = [.removed]
        }

        var nameStyle = style.nameStyle, titleStyle = style.titleStyle, noteStyle = style.noteStyle
        var detailStyle = style.noteStyle
        if node.status == .vacant { nameStyle.font.italic = true }
        if mark.removed { nameStyle.strikethrough = true }
        if look.faded {
            nameStyle.color = nameStyle.color.withAlpha(style.fadedAlpha)
            titleStyle.color = titleStyle.color.withAlpha(style.fadedAlpha)
            noteStyle.color = noteStyle.color.withAlpha(style.fadedAlpha)
        }
        detailStyle.color = look.stroke

        var blocks: [[TextLine]] = []
        if !tags.isEmpty {
            let color = tags[0].1
            blocks.append([line(tags.map(\.0).joined(separator: " · "), style.tagStyle(look.faded ? color.withAlpha(0.8) : color))])
        }
        blocks.append(lines(node.name, nameStyle))
        if let title = node.title, !title.isEmpty { blocks.append(lines(title, titleStyle)) }
        if let note = node.note, !note.isEmpty { blocks.append(lines(note, noteStyle)) }
        for detail in details { blocks.append(lines(detail, detailStyle)) }
        return layoutCard(blocks, look: look, legend: legend)
    }

    /// Stacks blocks of lines into a card, centred, with a small gap between blocks.
    func layoutCard(_ blocks: [[TextLine]], look: OrgCardLook, legend: Set<OrgLegendEntry>) -> OrgCard {
        var y = style.padding
        var width = 0.0
        var lines: [OrgCard.Line] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 { y += 1.5 }
            for line in block {
                lines.append(OrgCard.Line(line: line, baseline: y + line.ascent))
                y += line.height
                width = max(width, line.width)
            }
        }
        return OrgCard(width: max(style.minimumCardWidth, width + 2 * style.padding), height: y + style.padding,
                       lines: lines, look: look, legend: legend)
    }
}
