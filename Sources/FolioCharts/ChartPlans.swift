/// Chart plans kept between the layout passes of one document. A chart split over pages is laid
/// out again once the document knows the page it starts on, only to name pages in its marks: with
/// the plan kept, that second pass relabels the parts instead of planning them again.
/// Used by one layout on one thread.
public final class ChartPlans {
    /// A kept org chart plan, with the caption its fence gave (the fence is not read again).
    struct KeptOrg {
        let frame: ChartFrame
        let planner: OrgPlanner
        let caption: String?
    }

    private var orgs: [String: KeptOrg] = [:]

    public init() {}

    /// The plan kept for chart `id` when it was made for a frame of the same size.
    func org(_ id: String, frame: ChartFrame) -> KeptOrg? {
        guard let kept = orgs[id], kept.frame.width == frame.width, kept.frame.maximumHeight == frame.maximumHeight,
              kept.frame.preferredHeight == frame.preferredHeight else { return nil }
        return kept
    }

    func keep(_ planner: OrgPlanner, caption: String?, for id: String, frame: ChartFrame) {
        orgs[id] = KeptOrg(frame: frame, planner: planner, caption: caption)
    }
}
