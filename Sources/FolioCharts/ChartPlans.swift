/// Chart plans kept between the layout passes of one document. A chart split over pages is laid
/// out again once the document knows the page it starts on, only to name pages in its marks: with
/// the plan kept, that second pass relabels the parts instead of planning them again.
/// Used by one layout on one thread.
public final class ChartPlans {
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
