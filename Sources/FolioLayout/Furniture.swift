import FolioCharts
import FolioDisplay
import FolioModel

/// Running header and footer: the layout's templates filled in and set in the margins.
struct Furniture {
    let theme: Theme
    let measurer: TextMeasuring
    let lang: String

    /// Items for one page's header and footer.
    func items(values: [String: String], pageSize: Size) -> [DisplayItem] {
        let layout = theme.layout
        var items: [DisplayItem] = []
        let headerBaseline = layout.margins.top - theme.furniture.font.size * 2.2
        let footerBaseline = pageSize.height - layout.margins.bottom + theme.furniture.font.size * 3.2
        let header = place(layout.header, values: values, baseline: headerBaseline, pageWidth: pageSize.width)
        if !header.isEmpty {
            items += header
            let ruleY = headerBaseline + theme.furniture.font.size * 0.7
            items.append(.line(LineItem(from: Point(x: layout.margins.left, y: ruleY),
                                        to: Point(x: pageSize.width - layout.margins.right, y: ruleY),
                                        stroke: Stroke(color: theme.rule, width: 0.5))))
        }
        items += place(layout.footer, values: values, baseline: footerBaseline, pageWidth: pageSize.width)
        return items
    }

    /// What one page's header and footer will shape: each slot's full text.
    func requests(values: [String: String]) -> [TextRequest] {
        let layout = theme.layout
        return [layout.header, layout.footer].flatMap { [$0.left, $0.center, $0.right] }.compactMap { template in
            let text = template.isEmpty ? "" : Template.expand(template, values: values)
            return text.isEmpty ? nil : .line([TextSpan(text, style: theme.furniture)], lang: lang)
        }
    }

    private func place(_ templates: LayoutSpec.Furniture, values: [String: String], baseline: Double, pageWidth: Double) -> [DisplayItem] {
        let layout = theme.layout
        // The text area's width on this page (turned pages are wider or narrower).
        let width = pageWidth - layout.margins.left - layout.margins.right
        var items: [DisplayItem] = []
        let slots: [(String, TextAlignment)] = [(templates.left, .left), (templates.center, .center), (templates.right, .right)]
        for (template, alignment) in slots where !template.isEmpty {
            let text = Template.expand(template, values: values)
            guard !text.isEmpty else { continue }
            var line = measurer.measureLine([TextSpan(text, style: theme.furniture)], lang: lang)
            // Keep each slot within its third of the line so long titles never collide.
            let limit = width / (templates.center.isEmpty ? 2 : 3) - 6
            if line.width > limit {
                line = TextFitting.fitted([TextSpan(text, style: theme.furniture)], maxWidth: limit, measurer: measurer, lang: lang)
                    ?? measurer.measureLine([TextSpan("…", style: theme.furniture)], lang: lang)
            }
            let x: Double
            switch alignment {
            case .left, .justify: x = layout.margins.left
            case .center: x = layout.margins.left + (width - line.width) / 2
            case .right: x = pageWidth - layout.margins.right - line.width
            }
            items.append(.text(TextItem(origin: Point(x: x, y: baseline), line: line)))
        }
        return items
    }
}
