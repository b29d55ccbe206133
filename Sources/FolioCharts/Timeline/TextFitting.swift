// Shortening a line of text with an ellipsis until it fits a width, measuring only through TextMeasuring.
import FolioDisplay

/// Fits measured lines into widths by cutting the last run and adding "…".
public enum TextFitting {
    /// `spans` as one line no wider than `maxWidth`, shortened with "…" if needed; nil when not even "…" fits.
    ///
    /// Cuts the last span (a galloping search over its characters: O(log k) measurements of at most
    /// 2k characters, k the count kept, however long the text); when that is not enough, drops the
    /// spans before it and tries again.
    public static func fitted(_ spans: [TextSpan], maxWidth: Double, measurer: TextMeasuring, lang: String) -> TextLine? {
        let full = measurer.measureLine(spans, lang: lang)
        if full.width <= maxWidth { return full }
        guard let last = spans.last else { return nil }
        func line(keeping count: Int) -> TextLine {
            var cut = last
            var kept = String(last.text.prefix(count))
            while kept.last == " " { kept.removeLast() }
            cut.text = kept + "…"
            return measurer.measureLine(Array(spans.dropLast()) + [cut], lang: lang)
        }
        // Bytes bound the characters from above (counting them would read the whole text); a count
        // past the last character keeps it all, which does not fit.
        var low = 0, high = last.text.utf8.count - 1
        guard high >= 0, line(keeping: 0).width <= maxWidth else {
            return spans.count > 1 ? fitted([last], maxWidth: maxWidth, measurer: measurer, lang: lang) : nil
        }
        // Gallop: double the count kept until it no longer fits, so a long text is never measured whole again.
        var step = 16
        while low + step < high {
            if line(keeping: low + step).width <= maxWidth { low += step } else { high = low + step - 1; break }
            step *= 2
        }
        // Largest count that fits: line(keeping: low) always fits.
        while low < high {
            let middle = (low + high + 1) / 2
            if line(keeping: middle).width <= maxWidth { low = middle } else { high = middle - 1 }
        }
        return line(keeping: low)
    }
}
