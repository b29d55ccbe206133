// The laid-out timeline as labelled geometry: what is a mark, what is a label, and who owns which.
import FolioDisplay

/// A laid-out timeline: background, marks and labels kept apart so tests can check overlaps.
struct TimelineScene {
    /// A mark (marker, bar, legend swatch) with its bounds including its stroke.
    struct Mark {
        var bounds: Rect
        /// The event it draws, or nil for legend swatches.
        var owner: Int?
        var item: DisplayItem
    }

    /// A text line and the event it belongs to, or nil (title, axis, lane names, legend).
    struct Label {
        var item: TextItem
        var owner: Int?
    }

    var size: Size
    /// Bands, grid lines, the axis line and ticks, the event strip: drawn first, never counted as marks.
    var background: [DisplayItem] = []
    var marks: [Mark] = []
    var labels: [Label] = []
    /// Events whose labels did not fit the height and are only shown in the event strip.
    var hiddenCount = 0
    /// The chosen tick interval (for tests and diagnostics).
    var interval: TimeInterval?

    /// Background, then marks, then text: text is never covered.
    var drawing: Drawing {
        Drawing(size: size, items: background + marks.map(\.item) + labels.map { .text($0.item) })
    }
}
