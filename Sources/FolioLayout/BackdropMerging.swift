import FolioDisplay

/// Frame backgrounds (code blocks, quotes, callouts) are made one per line, so that a frame can break
/// across pages anywhere. On a placed page, a background that continues one above it (same left
/// edge, width and fill, starting where that one ends) is drawn as part of it instead.
///
/// A 40,000-line code block had 80,000 marked-content sequences and structure objects because each
/// line's background was an artifact of its own between two lines of code. Merged, the background
/// is also drawn before the lines it spans, so it never covers the descenders of the line above.
enum BackdropMerging {
    /// `items` with continued backgrounds merged into the first; other items keep their order.
    static func merged(_ items: [DisplayItem]) -> [DisplayItem] {
        var output: [DisplayItem] = []
        output.reserveCapacity(items.count)
        /// Backgrounds drawn so far that a later one may continue: the output index of each.
        var open: [Key: Int] = [:]
        var index = 0
        while index < items.count {
            guard let group = backdropGroup(in: items, at: index) else {
                output.append(items[index])
                index += 1
                continue
            }
            var kept: [DisplayItem] = []
            for case .rect(let rect) in group.rects {
                let key = Key(rect)
                if let earlier = open[key], case .rect(var first) = output[earlier], continues(rect.rect, first.rect) {
                    first.rect.height = max(first.rect.maxY, rect.rect.maxY) - first.rect.y
                    output[earlier] = .rect(first)
                } else {
                    kept.append(.rect(rect))
                }
            }
            if !kept.isEmpty {
                output.append(items[index])  // the artifact's begin
                for rect in kept {
                    if case .rect(let item) = rect { open[Key(item)] = output.count }
                    output.append(rect)
                }
                output.append(.structure(.end))
            }
            index = group.end
        }
        return output
    }

    /// What a background must share with the one it continues.
    private struct Key: Hashable {
        let x: Double, width: Double, fill: Color
        init(_ item: RectItem) {
            x = item.rect.x
            width = item.rect.width
            fill = item.fill ?? Color(red: 0, green: 0, blue: 0)
        }
    }

    /// Whether `next` starts within or right at the bottom of `earlier` (frames overlap their seams by half a point).
    private static func continues(_ next: Rect, _ earlier: Rect) -> Bool {
        next.y >= earlier.y && next.y <= earlier.maxY + 0.01
    }

    /// An artifact at `index` holding only plain filled rectangles: its rectangles and the index after its end.
    private static func backdropGroup(in items: [DisplayItem], at index: Int) -> (rects: [DisplayItem], end: Int)? {
        guard case .structure(.begin(let element)) = items[index], element.role == .artifact else { return nil }
        var rects: [DisplayItem] = []
        var cursor = index + 1
        while cursor < items.count {
            switch items[cursor] {
            case .rect(let rect) where rect.fill != nil && rect.stroke == nil && rect.cornerRadius == 0:
                rects.append(items[cursor])
            case .structure(.end):
                return rects.isEmpty ? nil : (rects, cursor + 1)
            default:
                return nil
            }
            cursor += 1
        }
        return nil
    }
}
