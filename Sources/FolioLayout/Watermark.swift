import Foundation
import FolioDisplay
import FolioModel

/// A text stamped across the page ("DRAFT"): large, turned, translucent, drawn under the content.
struct Watermark {
    let style: LayoutSpec.Watermark
    let text: String
    let measurer: TextMeasuring
    let theme: Theme
    let lang: String

    /// The stamp for a page of `pageSize`; none when the text is empty.
    func items(pageSize: Size) -> [DisplayItem] {
        let text = self.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return [] }
        let color = (Color(hex: style.color) ?? .black).withAlpha(style.opacity)
        let probe = TextStyle(font: FontSpec(family: theme.layout.heading.family, size: 100, weight: 700), color: color)
        let size: Double
        if let fixed = style.size {
            size = fixed
        } else {
            // Fit along the page's diagonal: 60% of it, between 24pt and 160pt.
            let width = max(measurer.width(of: text, style: probe), 1)
            let diagonal = (pageSize.width * pageSize.width + pageSize.height * pageSize.height).squareRoot()
            size = min(max(100 * diagonal * 0.6 / width, 24), 160)
        }
        var stamp = probe
        stamp.font.size = size
        let line = measurer.measureLine([TextSpan(text, style: stamp)], lang: lang)
        let origin = Point(x: -line.width / 2, y: (line.ascent - line.descent) / 2)
        return [.group(GroupItem(origin: Point(x: pageSize.width / 2, y: pageSize.height / 2),
                                 items: [.text(TextItem(origin: origin, line: line))],
                                 rotation: -style.angle * Double.pi / 180))]
    }
}
