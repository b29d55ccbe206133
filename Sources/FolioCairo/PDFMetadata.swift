import FolioDisplay

/// Document information written into a PDF.
public struct PDFMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    /// ISO 8601 `YYYY-MM-DDThh:mm:ss`, used as both creation and modification date.
    public var date: String
    /// BCP 47 language of the document (the catalog's `/Lang`); empty: not set.
    public var lang: String = ""
    /// Standards to conform to (XMP identifiers, output intent); the PDF is tagged either way.
    public var standards: [PDFStandard] = []
    /// How a viewer numbers the pages (`/PageLabels`); empty, or one arabic range from 1: as counted.
    public var pageLabels: [PageLabelRange] = []

    public init(title: String, author: String = "", subject: String = "", keywords: String = "",
                creator: String = "Folio", date: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.date = date
    }
}

extension PDFMetadata {
    /// The same information with the document language and standards set.
    public func with(lang: String, standards: [PDFStandard] = [], pageLabels: [PageLabelRange] = []) -> PDFMetadata {
        var copy = self
        copy.lang = lang
        copy.standards = standards
        copy.pageLabels = pageLabels
        return copy
    }
}
