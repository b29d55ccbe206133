import FolioDisplay
import FolioModel

/// Timeline charts: reads the fence and the `timelines` spec, lays out lanes, labels and the time axis.
///
/// The parts live in `Timeline/`: the model and loader, the time scale and axis ticks, row packing of
/// labels, and the layout that turns them into display items.
enum TimelineChart {
    static func layout(_ chart: ChartBlock, data: DataSet, frame: ChartFrame, theme: ChartTheme,
                       measurer: TextMeasuring) throws -> ChartDrawing {
        if measurer.estimatesOnly, let count = TimelineLoader.eventCount(chart, data: data), count > TimelineLayout.labelsShapedAheadLimit {
            // A large timeline measures only labels that could fit, which estimates cannot tell: a dry
            // run would shape the wrong ones. It stands in at its greatest height, unloaded.
            let stand = Drawing(size: Size(width: frame.width, height: frame.maximumHeight), items: [])
            return ChartDrawing(drawing: stand)
        }
        let timeline = try TimelineLoader.load(chart, data: data)
        let scene = TimelineLayout(timeline: timeline, frame: frame, theme: theme, measurer: measurer).layout()
        return ChartDrawing(drawing: scene.drawing, caption: timeline.caption)
    }
}
