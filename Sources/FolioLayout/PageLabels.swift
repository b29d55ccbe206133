import FolioDisplay
import FolioModel

/// What `{page}` and `{pages}` print: one count through the document, or the cover and contents
/// numbered apart from the body (`page: { numbers: { front: roman } }`), each in its style.
struct PageLabels {
    let layout: LayoutSpec
    /// Cover and contents pages.
    let frontPages: Int
    let totalPages: Int

    private var apart: LayoutSpec.NumberStyle? { frontPages > 0 ? layout.pageNumbers.front : nil }

    /// `{page}` on physical page `number` (1-based).
    func page(_ number: Int) -> String {
        guard let front = apart else { return layout.pageNumbers.style.format(number) }
        return number <= frontPages ? front.format(number) : layout.pageNumbers.style.format(number - frontPages)
    }

    /// `{pages}` on physical page `number`: the count of its part when the parts are numbered apart.
    func pages(_ number: Int) -> String {
        guard let front = apart else { return layout.pageNumbers.style.format(totalPages) }
        return number <= frontPages ? front.format(frontPages) : layout.pageNumbers.style.format(totalPages - frontPages)
    }

    /// The same numbering for a PDF viewer's page labels: one range, or the front pages and the body.
    var ranges: [PageLabelRange] {
        let body = Self.labelStyle(layout.pageNumbers.style)
        guard let front = apart else { return [PageLabelRange(firstPage: 0, style: body)] }
        return [PageLabelRange(firstPage: 0, style: Self.labelStyle(front)), PageLabelRange(firstPage: frontPages, style: body)]
    }

    static func labelStyle(_ style: LayoutSpec.NumberStyle) -> PageLabelRange.Style {
        switch style {
        case .arabic: return .arabic
        case .roman: return .roman
        case .upperRoman: return .upperRoman
        }
    }

    /// The number printed for body page `index` (0-based) in the contents list.
    func bodyPage(_ index: Int) -> String { page(frontPages + index + 1) }
}
