import FolioModel

/// What `[](#id)` prints for each id: "Figure 2", "Table 1", or a heading's text.
///
/// Walks the blocks in the order the flow numbers them: every image and chart is a figure;
/// a table is numbered when it has a caption or an id.
struct CrossReferences {
    private(set) var labels: [String: String] = [:]

    init(_ blocks: [Block]) {
        var figures = 0, tables = 0
        visit(blocks, figures: &figures, tables: &tables)
    }

    private mutating func visit(_ blocks: [Block], figures: inout Int, tables: inout Int) {
        for block in blocks {
            switch block.kind {
            case .image(let image):
                figures += 1
                if let id = image.image.id { add(id, "Figure \(figures)") }
            case .chart(let chart):
                figures += 1
                add(chart.id, "Figure \(figures)")
            case .table(let table):
                guard table.caption != nil || table.id != nil else { continue }
                tables += 1
                if let id = table.id { add(id, "Table \(tables)") }
            case .heading(let heading):
                for id in heading.ids + [heading.anchor] { add(id, heading.content.plainText) }
            case .quote(let inner): visit(inner, figures: &figures, tables: &tables)
            case .alert(let alert): visit(alert.blocks, figures: &figures, tables: &tables)
            case .list(let list): for item in list.items { visit(item, figures: &figures, tables: &tables) }
            case .paragraph, .code, .thematicBreak, .pageBreak, .turn, .footnote: break
            }
        }
    }

    /// The first of a repeated id wins, as for links.
    private mutating func add(_ id: String, _ label: String) {
        if labels[id] == nil { labels[id] = label }
    }
}
