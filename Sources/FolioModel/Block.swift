/// One block of a briefing's body, with the place it was written.
public struct Block: Hashable, Sendable {
    public var kind: Kind
    public var location: SourceLocation
    /// Floating and page orientation (fence keys `float:` and `orientation:`).
    public var placement = BlockPlacement()

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public indirect enum Kind: Hashable, Sendable {
        case heading(Heading)
        case paragraph([Inline])
        case list(ListBlock)
        case quote([Block])
        case code(language: String?, text: String)
        case table(TableBlock)
        case image(ImageBlock)
        case thematicBreak
        case pageBreak
        case chart(ChartBlock)
        /// `<!-- pagebreak landscape -->` / `<!-- pagebreak portrait -->`: later pages are turned (or not).
        case turn(PageOrientation)
        /// A footnote's text; set at the foot of the page that cites it, not where it stands.
        case footnote(Footnote)
        /// A GitHub alert (`> [!NOTE]`): a titled callout.
        case alert(AlertBlock)
    }
}

/// A section heading; `level` 1 is the top.
public struct Heading: Hashable, Sendable {
    public var level: Int
    public var content: [Inline]
    /// A stable anchor for links and the outline (`sec-1`, `sec-2`, …).
    public var anchor: String
    /// Further names links reach it by: its GitHub-style slug, and its `{#id}` when given.
    public var ids: [String] = []
}

/// A bullet or numbered list; each item is a list of blocks.
public struct ListBlock: Hashable, Sendable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [[Block]]
    /// Per item: nil for a plain item, else whether its task box (`- [x]`) is checked.
    public var tasks: [Bool?] = []
    /// Numbers written `1)` rather than `1.`.
    public var parenthesis = false
}

/// A table: header cells, body rows, and each column's alignment.
public struct TableBlock: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case left, center, right }
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var alignments: [Alignment]
    public var caption: String?
    /// The name cross-references use (`id:` of a table fence), or nil.
    public var id: String?

    public init(header: [[Inline]], rows: [[[Inline]]], alignments: [Alignment], caption: String? = nil, id: String? = nil) {
        self.header = header
        self.rows = rows
        self.alignments = alignments
        self.caption = caption
        self.id = id
    }
}

/// An image placed as its own block (a figure), resolved; a placeholder when it cannot be drawn.
public struct ImageBlock: Hashable, Sendable {
    public var image: ImageReference
    public var caption: String

    public init(image: ImageReference, caption: String) {
        self.image = image
        self.caption = caption
    }

    /// The image file read, or "" (a `data:` URI, or an image that could not be read).
    public var path: String { image.path ?? "" }
}

/// A chart fence (`timeline`, `orgchart`, `chart`), kept as its YAML for the chart stage.
public struct ChartBlock: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable { case timeline, orgchart, chart }
    public var kind: Kind
    /// The chart's id: its `use:` value, else `timeline-N` / `orgchart-N` in source order.
    public var id: String
    /// The fence body (YAML).
    public var body: String
    /// Where the body's first line is.
    public var bodyLocation: SourceLocation
}

/// A GitHub alert: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]`, drawn as a callout titled with its kind.
public struct AlertBlock: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable { case note, tip, important, warning, caution }
    public var kind: Kind
    public var blocks: [Block]

    public init(kind: Kind, blocks: [Block]) {
        self.kind = kind
        self.blocks = blocks
    }

    /// The callout's title: "Note", "Tip", …
    public var title: String { kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst() }
}
