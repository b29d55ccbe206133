/// Pages numbered in one style from one page on, as a PDF viewer shows them (the catalog's
/// `/PageLabels`): a cover and contents in roman numerals, then the body from 1.
public struct PageLabelRange: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable {
        case arabic = "D", roman = "r", upperRoman = "R"
    }

    /// The first page of the range (0-based).
    public var firstPage: Int
    public var style: Style
    /// The number its first page shows.
    public var firstNumber: Int

    public init(firstPage: Int, style: Style, firstNumber: Int = 1) {
        self.firstPage = firstPage
        self.style = style
        self.firstNumber = firstNumber
    }
}
