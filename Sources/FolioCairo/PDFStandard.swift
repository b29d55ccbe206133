/// An ISO standard a PDF is written to conform to (`--pdf-standard`, layout `pdf: { standards: [...] }`).
public enum PDFStandard: String, CaseIterable, Hashable, Sendable {
    /// PDF/UA-1 (ISO 14289-1): universal accessibility.
    case ua1 = "ua-1"
    /// PDF/A-2b (ISO 19005-2, level B): archival, visual appearance preserved.
    case a2b = "a-2b"
}
