/// The image files a body reads: figures and images in running text, tables, lists and quotes
/// (a batch fingerprints them, so a changed image rebuilds its reports).
extension Block {
    public static func imageFiles(in blocks: [Block]) -> [String] {
        var paths: [String] = []
        for block in blocks { block.collectImageFiles(into: &paths) }
        return paths
    }

    func collectImageFiles(into paths: inout [String]) {
        switch kind {
        case .image(let image): if let path = image.image.path { paths.append(path) }
        case .paragraph(let inlines): Self.collect(inlines, into: &paths)
        case .heading(let heading): Self.collect(heading.content, into: &paths)
        case .quote(let inner): for block in inner { block.collectImageFiles(into: &paths) }
        case .alert(let alert): for block in alert.blocks { block.collectImageFiles(into: &paths) }
        case .list(let list): for item in list.items { for block in item { block.collectImageFiles(into: &paths) } }
        case .table(let table): for cell in table.header + table.rows.flatMap({ $0 }) { Self.collect(cell, into: &paths) }
        default: break
        }
    }

    static func collect(_ inlines: [Inline], into paths: inout [String]) {
        for inline in inlines {
            switch inline {
            case .picture(let image): if let path = image.path { paths.append(path) }
            case .emphasis(let inner), .strong(let inner), .strikethrough(let inner), .link(_, let inner), .styled(_, let inner):
                collect(inner, into: &paths)
            default: break
            }
        }
    }
}
