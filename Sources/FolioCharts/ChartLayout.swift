import FolioDisplay
import FolioModel

/// Lays out one chart fence (timeline, org chart or data chart) into a drawing, checking its spec.
public enum ChartLayout {
    /// Lays out `chart` using the briefing's `data`, within `frame`, measuring text with `measurer`.
    /// `plans` keeps plans between the passes of one document (see `ChartPlans`).
    public static func layout(_ chart: ChartBlock, data: DataSet, frame: ChartFrame, theme: ChartTheme,
                              measurer: TextMeasuring, plans: ChartPlans? = nil) throws -> ChartDrawing {
        switch chart.kind {
        case .timeline:
            return try TimelineChart.layout(chart, data: data, frame: frame, theme: theme, measurer: measurer)
        case .orgchart:
            return try OrgChart.layout(chart, data: data, frame: frame, theme: theme, measurer: measurer, plans: plans)
        case .chart:
            return try DataChartView.layout(chart, data: data, frame: frame, theme: theme, measurer: measurer)
        }
    }
}
