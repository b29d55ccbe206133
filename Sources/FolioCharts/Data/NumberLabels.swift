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
        format(value, decimals: decimals, trimmingZeros: false)
    }

    /// A value label: up to two decimals, trailing zeros dropped.
    func valueText(_ value: Double) -> String {
        format(value, decimals: 2, trimmingZeros: divisor == 1)
    }

    /// The digits are C's `%.Nf` (exact rounding of the binary value) and the rest is put together from
    /// bytes: a chart of 1,000 bars formats 2,000 value labels, which Foundation's `String(format:)`
    /// and `Character`-wise grouping made 13% of the whole run.
    private func format(_ value: Double, decimals: Int, trimmingZeros: Bool) -> String {
        if value == 0 { return "0" }
        let scaled = value / divisor
        // In units (k, M), as many places as the value needs, up to two: "2.5k", "5k".
        var places = min(max(decimals, 0), 6)
        if divisor != 1 { places = (0...2).first { abs(scaled * pow(10, Double($0)) - (scaled * pow(10, Double($0))).rounded()) < 1e-6 } ?? 2 }
        let digits = Self.fixed(abs(scaled), places: places)
        if digits.allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") }) { return "0" + suffix }
        let point = digits.firstIndex(of: UInt8(ascii: ".")) ?? digits.count
        let integer = digits[..<point]
        var fraction = point < digits.count ? digits[(point + 1)...] : []
        if trimmingZeros { while fraction.last == UInt8(ascii: "0") { fraction = fraction.dropLast() } }
        var text = value < 0 ? "−" : ""
        if grouping, integer.count > 4 || (integer.count == 4 && group != "\u{202F}") {
            for (offset, byte) in integer.enumerated() {
                if offset > 0, (integer.count - offset) % 3 == 0 { text += group }
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        } else {
            text += String(decoding: integer, as: UTF8.self)
        }
        if !fraction.isEmpty { text += decimal + String(decoding: fraction, as: UTF8.self) }
        return text + suffix
    }

    private static let fixedFormats = (0...6).map { "%.\($0)f" }

    /// `value` (not negative) with `places` decimals, as ASCII bytes ("12345.68").
    static func fixed(_ value: Double, places: Int) -> [UInt8] {
        var buffer = [CChar](repeating: 0, count: 352)  // the longest finite double, 6 places and a NUL
        let count = withVaList([value]) { vsnprintf(&buffer, buffer.count, fixedFormats[places], $0) }
        return buffer[0..<max(0, min(Int(count), buffer.count - 1))].map { UInt8(bitPattern: $0) }
    }
}
