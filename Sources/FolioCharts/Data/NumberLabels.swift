// Number labels by language: grouped thousands ("12,500", "12 500", "12.500") and k/M units.
import Foundation

/// Formats axis and value numbers the way the document's language writes them.
struct NumberLabels: Sendable {
    /// Thousands separator and decimal mark.
    var group: String
    var decimal: String
    /// Divisor and suffix of the unit chosen for an axis (`1000`/`k`, `1e6`/`M`), or 1 and "".
    var divisor: Double = 1
    var suffix = ""
    /// Whether thousands are grouped (not for years on an x axis).
    var grouping = true

    /// Separators for `lang` (BCP 47, matched on its language part).
    init(lang: String) {
        // Swiss German is the one region whose marks differ from its language's.
        if lang.lowercased().hasPrefix("de-ch") {
            (group, decimal) = ("’", ".")
            return
        }
        switch lang.split(separator: "-").first.map({ $0.lowercased() }) ?? "en" {
        case "de", "es", "it", "nl", "pt", "da", "id", "tr", "el": (group, decimal) = (".", ",")
        case "fr", "sv", "nb", "no", "fi", "pl", "cs", "ru", "uk", "sk", "hu": (group, decimal) = ("\u{202F}", ",")
        default: (group, decimal) = (",", ".")
        }
    }

    /// The labels of an axis with ticks `scale`: with `k` when the largest tick has five digits or more,
    /// `M` (`G`) from a million (billion) up, when every tick is a round number of the unit.
    func forAxis(_ scale: NiceScale) -> NumberLabels {
        var labels = self
        let largest = max(abs(scale.low), abs(scale.high))
        for (divisor, suffix) in [(1e9, "G"), (1e6, "M"), (1e3, "k")] where largest >= (divisor == 1e3 ? 1e4 : divisor) {
            let steps = scale.step / divisor
            if steps >= 0.1, abs(steps * 10 - (steps * 10).rounded()) < 1e-6 {
                labels.divisor = divisor
                labels.suffix = suffix
                break
            }
        }
        return labels
    }

    /// `value` with `decimals` places (after dividing by the unit), grouped, with the unit's suffix.
    func text(_ value: Double, decimals: Int) -> String {
        if value == 0 { return "0" }
        let scaled = value / divisor
        // In units (k, M), as many places as the value needs, up to two: "2.5k", "5k".
        var places = min(decimals, 6)
        if divisor != 1 { places = (0...2).first { abs(scaled * pow(10, Double($0)) - (scaled * pow(10, Double($0))).rounded()) < 1e-6 } ?? 2 }
        var body = String(format: "%.\(places)f", abs(scaled))
        if body.allSatisfy({ $0 == "0" || $0 == "." }) { return "0" + suffix }
        var integer = body, fraction = ""
        if let dot = body.firstIndex(of: ".") {
            integer = String(body[..<dot])
            fraction = String(body[body.index(after: dot)...])
        }
        if grouping, integer.count > 4 || (integer.count == 4 && group != "\u{202F}") {
            var grouped = ""
            for (index, character) in integer.enumerated() {
                if index > 0, (integer.count - index) % 3 == 0 { grouped += group }
                grouped.append(character)
            }
            integer = grouped
        }
        body = fraction.isEmpty ? integer : integer + decimal + fraction
        return (value < 0 ? "−" : "") + body + suffix
    }

    /// A value label: up to two decimals, trailing zeros dropped.
    func valueText(_ value: Double) -> String {
        var text = text(value, decimals: 2)
        if text.contains(decimal), divisor == 1 {
            let body = text.hasSuffix(suffix) ? String(text.dropLast(suffix.count)) : text
            var trimmed = body
            while trimmed.hasSuffix("0") { trimmed.removeLast() }
            if trimmed.hasSuffix(decimal) { trimmed.removeLast(decimal.count) }
            text = trimmed + suffix
        }
        return text
    }
}
