import CPangoCairo
import FolioDisplay

/// Inline objects (images in a line of text): Pango sets them as boxes of the object's size.
extension PangoLayoutBuilder {
    /// A shape attribute reserving `object`'s box (its baseline at the text's).
    static func shape(of object: InlineObject) -> UnsafeMutablePointer<PangoAttribute>? {
        var rect = PangoRectangle(x: 0, y: -PangoUnits.units(object.ascent), width: PangoUnits.units(object.width),
                                  height: PangoUnits.units(object.ascent + object.descent))
        return pango_attr_shape_new(&rect, &rect)
    }
}

extension LineText {
    /// Inline objects within the line and their left ends (as justified, less `lead`: see `linkRuns`).
    func objectRuns(line: UnsafeMutablePointer<PangoLayoutLine>, justification: Justification, lead: Int32 = 0) -> [ObjectRun] {
        var runs: [ObjectRun] = []
        for (span, range) in zip(spans, built.spanRanges) {
            guard let object = span.object, range.lowerBound >= start, range.lowerBound < trailingSpaceStart else { continue }
            var x0: Int32 = 0, x1: Int32 = 0
            pango_layout_line_index_to_x(line, Int32(range.lowerBound), 0, &x0)
            pango_layout_line_index_to_x(line, Int32(range.upperBound), 0, &x1)
            let left = min(x0, x1)
            runs.append(ObjectRun(x: PangoUnits.points(left + justification.shift(atX: left) - lead), object: object))
        }
        return runs
    }
}
