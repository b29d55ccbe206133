/// A loaded briefing: metadata, body blocks, its data and the resolved layout.
public struct Briefing: Sendable {
    public var metadata: Metadata
    public var blocks: [Block]
    public var data: DataSet
    public var layout: LayoutSpec
    /// The source file's path.
    public var sourcePath: String
    /// Every character above ASCII in the source and its data files (for choosing fonts).
    public var characters: Set<UInt32> = []

    public init(metadata: Metadata, blocks: [Block], data: DataSet, layout: LayoutSpec, sourcePath: String) {
        self.metadata = metadata
        self.blocks = blocks
        self.data = data
        self.layout = layout
        self.sourcePath = sourcePath
    }

    /// The document's sections: every heading in order, nested ones included.
    public var sections: [Heading] {
        var found: [Heading] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .heading(let heading): found.append(heading)
                case .quote(let inner): visit(inner)
                case .alert(let alert): visit(alert.blocks)
                case .list(let list): list.items.forEach(visit)
                default: break
                }
            }
        }
        visit(blocks)
        return found
    }

    /// Every chart fence, in source order.
    public var charts: [ChartBlock] {
        blocks.compactMap { if case .chart(let chart) = $0.kind { return chart } else { return nil } }
    }
}

/// Front-matter facts about the document.
public struct Metadata: Hashable, Sendable {
    public var title: String
    public var subtitle: String?
    /// The date as written (`2025-11-01`, `2025-11`, `2025`).
    public var date: String?
    public var authors: [String]
    public var lang: String
    public var keywords: [String]
    public var subject: String?
    /// Front matter `watermark: DRAFT`: stamped across every page (over the layout's own text).
    public var watermark: String?

    public init(title: String = "Untitled", subtitle: String? = nil, date: String? = nil, authors: [String] = [],
                lang: String = "en", keywords: [String] = [], subject: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.authors = authors
        self.lang = lang
        self.keywords = keywords
        self.subject = subject
    }

    /// The date as a human reads it: "1 November 2025", "November 2025", "2025".
    public var displayDate: String? {
        guard let date else { return nil }
        guard let parsed = ISODate(parsing: date) else { return date }
        return parsed.longDescription
    }
}
