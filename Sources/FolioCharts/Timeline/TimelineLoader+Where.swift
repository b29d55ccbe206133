// A timeline fence's `where:`: keep the events of some lanes or categories (values often from parameters).
import FolioModel

extension TimelineLoader {
    /// `where: { lane: Meta }`, `where: { category: [release, org] }`: keeps the events whose lane
    /// and category are among the values given; unknown lanes and categories get a hint.
    static func applyWhere(_ value: YAMLValue, to timeline: inout Timeline) throws {
        let filter = try value.fields("a timeline 'where'", allowed: ["lane", "category"])
        if let lanes = filter["lane"] {
            let known = timeline.lanes.filter { !$0.isEmpty }
            var keep: Set<Int> = []
            for item in try lanes.sequence("a lane or a list of lanes", allowSingle: true) {
                let name = try item.string("a lane name")
                guard let index = timeline.lanes.firstIndex(of: name), !name.isEmpty else {
                    throw item.error("unknown lane '\(name)'", hints: Suggestions.hint(for: name, in: known))
                }
                keep.insert(index)
            }
            timeline.events = timeline.events.filter { keep.contains($0.lane) }
        }
        if let categories = filter["category"] {
            let known = timeline.categories.map(\.id)
            var keep: Set<Int> = []
            for item in try categories.sequence("a category or a list of categories", allowSingle: true) {
                let id = try item.string("a category id")
                guard let index = known.firstIndex(of: id) else {
                    throw item.error("unknown category '\(id)'", hints: Suggestions.hint(for: id, in: known))
                }
                keep.insert(index)
            }
            timeline.events = timeline.events.filter { $0.category.map(keep.contains) ?? false }
        }
    }
}
