/// One drawing of an org chart: the whole chart, or a piece of a chart split across pages.
struct OrgPart {
    /// 1 for the main drawing, then the continuations in order.
    var number: Int
    /// The top nodes shown (below the header card, if any).
    var roots: [Int]
    /// The node whose reports this part continues (drawn as a header card), or nil for the main part.
    var header: Int?
    /// The part in which `header` appears.
    var fromPart: Int?
    /// Levels shown below the roots before subtrees continue elsewhere; nil when nothing is cut.
    var cutoff: Int?
    var placement: OrgPlacement
    /// Card index by node id (filled only when the org has links).
    var cardIndex: [String: Int]
}
