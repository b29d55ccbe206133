import FolioDisplay
import FolioModel

/// Footnotes: each note's text as lines in a smaller size, numbered and linked back to its mark.
extension BlockFlow {
    /// Anchor names: `fn-N` at a note, `fnref-N` at its first mark.
    static let footnotePrefix = "fn-"
    static let footnoteReferencePrefix = "fnref-"

    /// The theme notes are set in: the body a fifth smaller.
    static func noteTheme(_ theme: Theme) -> Theme {
        var layout = theme.layout
        layout.body.size = (layout.body.size * 0.8 * 2).rounded() / 2
        layout.mono.size = (layout.mono.size * 0.85 * 2).rounded() / 2
        layout.leading = min(layout.leading, 1.3)
        return Theme(layout: layout)
    }

    /// The lines of `note` at the column's width: its number at the left, linked back to its mark.
    func noteUnits(_ note: Footnote) throws -> [FlowUnit] {
        let noteTheme = Self.noteTheme(theme)
        let flow = BlockFlow(briefing: briefing, theme: noteTheme, measurer: measurer)
        var numberStyle = noteTheme.body
        numberStyle.font.weight = 700
        numberStyle.color = theme.link
        let label = measurer.measureLine([TextSpan("\(note.number)", style: numberStyle, link: "#" + Self.footnoteReferencePrefix + "\(note.number)")],
                                         lang: lang)
        let indent = max(label.width + noteTheme.body.font.size * 0.6, noteTheme.body.font.size * 1.6)
        let context = Context(x: indent, width: theme.layout.columnWidth - indent, blockGap: noteTheme.paragraphSpacing * 0.5)
        try flow.flow(note.blocks, in: context)
        var lines = flow.units
        if lines.isEmpty { lines = [FlowUnit(height: noteTheme.lineHeight(noteTheme.body), items: [])] }
        lines[0].spaceBefore = 2
        let baseline = lines[0].items.lazy.compactMap { item -> Double? in
            if case .text(let text) = item { return text.origin.y } else { return nil }
        }.first ?? noteTheme.lineHeight(noteTheme.body) * 0.75
        lines[0].items += Self.textItems(label, origin: Point(x: 0, y: baseline))
        lines[0].items.insert(.anchor(AnchorItem(name: Self.footnotePrefix + "\(note.number)", point: Point(x: 0, y: 0))), at: 0)
        return lines
    }
}
