import CPangoCairo

/// The shaped runs of a Pango layout line, in visual order: each one's item, glyph string and y offset.
struct PangoLineRuns: Sequence {
    struct Run {
        let item: PangoItem
        let glyphs: PangoGlyphString
        let yOffset: Int32
    }

    let line: UnsafeMutablePointer<PangoLayoutLine>

    func makeIterator() -> AnyIterator<Run> {
        var node = line.pointee.runs
        return AnyIterator {
            while let current = node {
                node = current.pointee.next
                guard let raw = current.pointee.data else { continue }
                let glyphItem = raw.assumingMemoryBound(to: PangoGlyphItem.self).pointee
                guard let item = glyphItem.item?.pointee, let glyphs = glyphItem.glyphs?.pointee else { continue }
                return Run(item: item, glyphs: glyphs, yOffset: glyphItem.y_offset)
            }
            return nil
        }
    }
}
