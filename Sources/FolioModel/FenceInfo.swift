/// Fence info strings that look like a misspelt chart or table (`orgchar`, `timelines`, `barchart`).
enum FenceInfo {
    /// The info strings with meaning: the chart kinds and `table`.
    static let known = ChartBlock.Kind.allCases.map(\.rawValue) + ["table"]

    /// The known info string `info` is probably a typo of, or nil when it is code (or known).
    ///
    /// Rules: a name that contains a known one (`barchart`, `timelines`) means the longest it contains;
    /// otherwise one within a quarter of its length in edits (at least one edit: `orgchar`, `chrat`).
    static func likelyTypo(_ info: String) -> String? {
        let lowered = info.lowercased()
        guard !lowered.isEmpty, !known.contains(info) else { return nil }
        if let contained = known.filter({ lowered.contains($0) }).max(by: { $0.count < $1.count }) { return contained }
        return known.filter { Suggestions.editDistance(lowered, $0) <= max(1, $0.count / 4) }
            .min { Suggestions.editDistance(lowered, $0) < Suggestions.editDistance(lowered, $1) }
    }
}
