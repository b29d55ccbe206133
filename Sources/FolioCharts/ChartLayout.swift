import FolioDisplay
import FolioModel

/// Lays out one chart fence (timeline or org chart) into a drawing, checking its spec.
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
        }
    }
}

/// Chart plans kept between the layout passes of one document. A chart split over pages is laid
/// out again once the document knows the page it starts on, only to name pages in its marks: with
/// the plan kept, that second pass relabels the parts instead of planning them again.
public final class ChartPlans: @unchecked Sendable {
    private var orgs: [String: (frame: ChartFrame, planner: OrgPlanner)] = [:]

    public init() {}

    /// The plan kept for chart `id` when it was made for a frame of the same size.
    func orgPlanner(_ id: String, frame: ChartFrame) -> OrgPlanner? {
        guard let kept = orgs[id], kept.frame.width == frame.width, kept.frame.maximumHeight == frame.maximumHeight,
              kept.frame.preferredHeight == frame.preferredHeight else { return nil }
        return kept.planner
    }

    func keep(_ planner: OrgPlanner, for id: String, frame: ChartFrame) {
        orgs[id] = (frame, planner)
    }
}
