import FolioDisplay
import FolioModel

/// Org charts (placeholder until the org issue lands): checks `use:` and draws a framed title.
enum OrgChart {
    static func layout(_ chart: ChartBlock, data: DataSet, frame: ChartFrame, theme: ChartTheme,
                       measurer: TextMeasuring) throws -> ChartDrawing {
        try PlaceholderChart.layout(chart, specs: data.orgs, what: "org", frame: frame, theme: theme, measurer: measurer)
    }
}
