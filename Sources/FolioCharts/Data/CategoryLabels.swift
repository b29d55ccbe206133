// Category labels along an axis: shown in full, thinned, rotated, then shortened with "…" — each a rule.
import FolioDisplay

/// How category labels are set under an axis of equal bands.
///
/// The rules, in order: (1) every label flat when the widest fits its band; (2) every second label flat
/// when that fits; (3) labels turned upright, every `step`-th so that turned lines do not touch, each
/// shortened with "…" to `maxDepth`. Labels not shown are counted as hidden, shortened ones as shortened.
struct CategoryLabels {
    enum Mode: Equatable { case flat, upright }
    /// Index of the category and its line (possibly shortened).
    var shown: [(index: Int, line: TextLine)]
    var mode: Mode
    var hidden: Int
    var shortened: Int
    /// Room the labels take across the axis (their height when flat, the longest when upright).
    var depth: Double

    static let gap = 4.0

    static func fit(_ lines: [TextLine], band: Double, maxDepth: Double, measurer: TextMeasuring, lang: String) -> CategoryLabels {
        let count = lines.count
        guard count > 0 else { return CategoryLabels(shown: [], mode: .flat, hidden: 0, shortened: 0, depth: 0) }
        let widest = lines.map(\.width).max() ?? 0
        let lineHeight = lines.map { $0.ascent + $0.descent }.max() ?? 0
        for step in [1, 2] where widest + gap <= band * Double(step) {
            let shown = stride(from: 0, to: count, by: step).map { ($0, lines[$0]) }
            return CategoryLabels(shown: shown, mode: .flat, hidden: count - shown.count, shortened: 0, depth: lineHeight)
        }
        let step = max(1, Int((lineHeight + gap / 2) / max(band, 1e-9)) + ((lineHeight + gap / 2).truncatingRemainder(dividingBy: max(band, 1e-9)) == 0 ? 0 : 1))
        var shown: [(index: Int, line: TextLine)] = []
        var shortened = 0, deepest = 0.0
        for index in stride(from: 0, to: count, by: step) {
            var line = lines[index]
            if line.width > maxDepth {
                guard let cut = TextFitting.fitted(line.spans, maxWidth: maxDepth, measurer: measurer, lang: lang) else { continue }
                line = cut
                shortened += 1
            }
            deepest = max(deepest, line.width)
            shown.append((index, line))
        }
        return CategoryLabels(shown: shown, mode: .upright, hidden: count - shown.count, shortened: shortened, depth: deepest)
    }
}
