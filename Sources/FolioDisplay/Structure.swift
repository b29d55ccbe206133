/// A structure element of the document's logical tree (PDF tagging): its role and attributes.
///
/// Layout brackets the items of each element with `.structure(.begin(…))` and `.structure(.end)`;
/// backends that tag (PDF) turn them into a structure tree in reading order, the others skip them.
public struct StructureElement: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable {
        case h1 = "H1", h2 = "H2", h3 = "H3", h4 = "H4", h5 = "H5", h6 = "H6"
        case paragraph = "P", blockQuote = "BlockQuote", code = "Code"
        case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
        case table = "Table", tableHead = "THead", tableBody = "TBody", tableRow = "TR"
        case tableHeader = "TH", tableCell = "TD"
        case figure = "Figure", caption = "Caption", note = "Note"
        case tableOfContents = "TOC", tableOfContentsItem = "TOCI"
        case division = "Div", span = "Span", link = "Link", document = "Document"
        /// Not content: running headers and footers, page numbers, decoration. Never in the tree.
        case artifact = "Artifact"

        /// The heading role of a level (1–6, clamped).
        public static func heading(_ level: Int) -> Role {
            [.h1, .h2, .h3, .h4, .h5, .h6][min(max(level, 1), 6) - 1]
        }
    }

    /// Which cells a table header cell heads.
    public enum Scope: String, Hashable, Sendable { case row = "Row", column = "Column", both = "Both" }

    public var role: Role
    /// Alternative text (figures), read instead of the content.
    public var alt: String?
    /// The element's language where it differs from the document's (BCP 47).
    public var lang: String?
    /// A header cell's scope.
    public var scope: Scope?
    /// The element's text when it has no drawn content (a cell of a chart's data table).
    public var actualText: String?

    public init(_ role: Role, alt: String? = nil, lang: String? = nil, scope: Scope? = nil, actualText: String? = nil) {
        self.role = role
        self.alt = alt
        self.lang = lang
        self.scope = scope
        self.actualText = actualText
    }

    public static let artifact = StructureElement(.artifact)
}

/// The start or end of a structure element among display items (ends close the latest open start).
public enum StructureMark: Hashable, Sendable {
    case begin(StructureElement)
    case end
}

extension DisplayItem {
    /// `items` bracketed as one structure element.
    public static func tagged(_ element: StructureElement, _ items: [DisplayItem]) -> [DisplayItem] {
        [.structure(.begin(element))] + items + [.structure(.end)]
    }

    /// `items` marked as artifacts (decoration, running headers and footers).
    public static func artifact(_ items: [DisplayItem]) -> [DisplayItem] {
        items.isEmpty ? [] : tagged(.artifact, items)
    }

    /// Whether this is a structure mark (not drawn).
    public var isStructureMark: Bool {
        if case .structure = self { return true }
        return false
    }
}
