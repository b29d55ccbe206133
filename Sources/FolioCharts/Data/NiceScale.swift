// Round ("nice") ticks for a value axis: steps of 1, 2 or 5 × 10ᵏ whose range covers the data.
import Foundation

/// A linear value scale with round ticks: `low`…`high` covers the data and both are multiples of `step`.
struct NiceScale: Hashable, Sendable {
    var low: Double
    var high: Double
    var step: Double

    /// The ticks from `low` to `high`.
    var ticks: [Double] {
        let count = Int(((high - low) / step).rounded())
        return (0...max(0, count)).map { low + Double($0) * step }
    }

    /// Decimal places a tick label needs (none for steps of 1 and up).
    var decimals: Int {
        (0...10).first { places in
            let scaled = step * pow(10, Double(places))
            return abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled)
        } ?? 10
    }

    /// The roundest scale with at most `maxTicks` ticks (at least 2) that covers `minimum`…`maximum`.
    static func make(minimum: Double, maximum: Double, maxTicks: Int) -> NiceScale {
        var minimum = minimum, maximum = maximum
        if !minimum.isFinite || !maximum.isFinite { minimum = 0; maximum = 1 }
        if maximum < minimum { swap(&minimum, &maximum) }
        if maximum == minimum {
            let pad = minimum == 0 ? 1 : abs(minimum) * 0.1
            if minimum >= 0, minimum - pad < 0 { maximum += pad } else { minimum -= pad; maximum += pad }
            if minimum == 0 { maximum = max(maximum, 1) }
        }
        let intervals = Double(max(1, maxTicks - 1))
        let rough = (maximum - minimum) / intervals
        let magnitude = pow(10, floor(log10(rough)))
        for factor in [1.0, 2, 2.5, 5, 10, 20] {
            let step = factor * magnitude
            let low = floor(minimum / step + 1e-9) * step, high = ceil(maximum / step - 1e-9) * step
            if (high - low) / step <= intervals + 1e-9 { return NiceScale(low: low, high: high, step: step) }
        }
        let step = 50 * magnitude
        return NiceScale(low: floor(minimum / step) * step, high: ceil(maximum / step) * step, step: step)
    }

    /// Maps `value` onto `from`…`to` (a pixel range; `to` may be smaller for an upward axis).
    func position(_ value: Double, from: Double, to: Double) -> Double {
        from + (value - low) / (high - low) * (to - from)
    }
}
