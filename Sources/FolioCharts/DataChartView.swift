import FolioDisplay
import FolioModel

/// Data charts (`chart` fences): reads the fence against the data tables and lays out bars, lines,
/// areas or points. The parts live in `Data/`.
public enum DataChartView {
    static func layout(_ chart: ChartBlock, data: DataSet, frame: ChartFrame, theme: ChartTheme,
                       measurer: TextMeasuring) throws -> ChartDrawing {
        let spec = try DataChartFence.readOnce(chart, data: data)
        let scene = scene(spec, frame: frame, theme: theme, measurer: measurer)
        return ChartDrawing(drawing: scene.drawing, caption: spec.caption)
    }

    /// Lays out `chart` within `frame` (for tests and the chart stage).
    public static func scene(_ chart: DataChart, frame: ChartFrame, theme: ChartTheme, measurer: TextMeasuring) -> DataChartScene {
        var layout = DataChartLayout(chart: chart, frame: frame, theme: theme, measurer: measurer)
        return layout.layout()
    }
}
