import FolioDisplay
import FolioModel

/// A framed box naming the chart, used while a chart kind is not yet drawn.
enum PlaceholderChart {
    static func layout(_ chart: ChartBlock, specs: [String: YAMLSpec], what: String, frame: ChartFrame,
                       theme: ChartTheme, measurer: TextMeasuring) throws -> ChartDrawing {
        let body = try YAMLParsing.parse(chart.body, file: chart.bodyLocation.file, lineOffset: chart.bodyLocation.line - 1)
        let fields = try body.mapping()
        var caption: String?
        var title = chart.id
        for (key, value) in fields {
            switch try key.string() {
            case "use":
                let id = try value.string("a \(what) id")
                guard let spec = specs[id] else {
                    throw value.error("no \(what) '\(id)' in the data files", hints: Suggestions.hint(for: id, in: Array(specs.keys)))
                }
                if let specTitle = try? spec.value.mapping().first(where: { (try? $0.key.string()) == "title" })?.value.string() {
                    title = specTitle
                }
            case "caption": caption = try value.string()
            default: continue
            }
        }
        let height = min(frame.preferredHeight ?? 120, frame.maximumHeight)
        let style = TextStyle(font: FontSpec(family: theme.headingFamily, size: theme.textSize + 2, weight: 700), color: theme.muted)
        let line = measurer.measureLine([TextSpan(title, style: style)], lang: theme.lang)
        let items: [DisplayItem] = [
            .rect(RectItem(rect: Rect(x: 0.5, y: 0.5, width: frame.width - 1, height: height - 1),
                           stroke: Stroke(color: theme.rule, width: 1, dash: [3, 2]), cornerRadius: 4)),
            .text(TextItem(origin: Point(x: (frame.width - line.width) / 2, y: height / 2 + line.ascent / 2), line: line)),
        ]
        return ChartDrawing(drawing: Drawing(size: Size(width: frame.width, height: height), items: items), caption: caption)
    }
}
