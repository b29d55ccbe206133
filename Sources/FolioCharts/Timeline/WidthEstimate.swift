// A cheap lower bound on a label's width, so packing measures only labels that might fit somewhere.
import FolioDisplay

/// Estimates line widths from single characters (Unicode scalars) measured once each (through the measurer, cached).
///
/// Shaping and kerning make a real line differ from the sum of its characters, so the estimate is
/// scaled by `safety` to serve as a lower bound. It only decides when measuring can be skipped because
/// no row has room: a wrong guess can hide a label that might have fit, never make two overlap.
final class WidthEstimate {
    let measurer: TextMeasuring
    let lang: String
    /// Fraction of the summed character widths taken as the lower bound.
    let safety: Double
    private var styles: [TextStyle] = []
    private var widths: [[Unicode.Scalar: Double]] = []

    init(measurer: TextMeasuring, lang: String, safety: Double = 0.8) {
        self.measurer = measurer
        self.lang = lang
        self.safety = safety
    }

    /// A width the line of `spans` is very unlikely to be narrower than.
    func lowerBound(_ spans: [TextSpan]) -> Double {
        var total = 0.0
        for span in spans {
            // Few styles per chart: a linear search beats hashing a style per span.
            let index = styles.firstIndex(of: span.style) ?? {
                styles.append(span.style)
                widths.append([:])
                return styles.count - 1
            }()
            for scalar in span.text.unicodeScalars {
                if let width = widths[index][scalar] {
                    total += width
                } else {
                    let width = measurer.measureLine([TextSpan(String(Character(scalar)), style: span.style)], lang: lang).width
                    widths[index][scalar] = width
                    total += width
                }
            }
        }
        return total * safety
    }
}
