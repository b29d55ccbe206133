import FolioModel

extension PagedDocument {
    /// The layout the document was set in (its PDF standards, for the writer).
    public var layout: LayoutSpec { theme.layout }
}
