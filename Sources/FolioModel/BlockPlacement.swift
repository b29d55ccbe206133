/// How a block meets the page: whether a figure may float, and a page orientation of its own.
public struct BlockPlacement: Hashable, Sendable {
    /// A figure, chart or table that does not fit where it stands may move to the top of a later
    /// page (`float: false` on a fence keeps it in place).
    public var float: Bool
    /// `orientation: landscape` on a fence: the block gets turned pages of its own.
    public var orientation: PageOrientation?

    public init(float: Bool = true, orientation: PageOrientation? = nil) {
        self.float = float
        self.orientation = orientation
    }
}

/// A page's orientation relative to the paper: turned pages swap the layout's width and height.
public enum PageOrientation: String, Hashable, Sendable, CaseIterable {
    case portrait, landscape
}

/// A GFM footnote's text (`[^label]: …`), numbered in the order of first reference.
public struct Footnote: Hashable, Sendable {
    public var number: Int
    public var blocks: [Block]

    public init(number: Int, blocks: [Block]) {
        self.number = number
        self.blocks = blocks
    }
}
