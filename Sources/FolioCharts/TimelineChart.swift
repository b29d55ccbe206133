import FolioDisplay
import FolioModel

/// Timeline charts (placeholder until the timeline issue lands): checks `use:` and draws a framed title.
enum TimelineChart {
    static func layout(_ chart: ChartBlock, data: DataSet, frame: ChartFrame, theme: ChartTheme,
                       measurer: TextMeasuring) throws -> ChartDrawing {
        try PlaceholderChart.layout(chart, specs: data.timelines, what: "timeline", frame: frame, theme: theme, measurer: measurer)
    }
}
