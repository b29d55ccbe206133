import CPangoCairo

/// Justifies one broken line: the room it leaves is shared out among its word spaces, in whole Pango
/// units, so where a glyph lands depends on nothing but the line itself.
///
/// Folio does this instead of Pango: Pango 1.50's justification sometimes stretches a line that ends
/// in an inserted hyphen as if the hyphen took no room (the line then overhangs the margin), and
/// whether it does depends on what its font map shaped before, which with shaping shared between
/// threads would make two renders of one document differ.
struct Justification {
    /// Byte offsets of the line's word spaces, ascending.
    let spaces: [Int]
    /// Pango units added across the line.
    let extra: Int32

    static let none = Justification(spaces: [], extra: 0)

    private init(spaces: [Int], extra: Int32) {
        self.spaces = spaces
        self.extra = extra
    }

    /// The justification of the line `text[start..<end]` (trailing spaces excluded) from its natural
    /// width to `target` (both in Pango units); none when it has no spaces or no room to fill.
    init(text: [UInt8], start: Int, end: Int, natural: Int32, target: Int32) {
        let spaces = (start..<end).filter { text[$0] == 0x20 }
        let extra = target - natural
        self = spaces.isEmpty || extra <= 0 ? .none : Justification(spaces: spaces, extra: extra)
    }

    /// What is added before the cluster starting at byte `index`: an even share per space before it.
    func shift(before index: Int) -> Int32 {
        guard extra > 0 else { return 0 }
        var low = 0, high = spaces.count
        while low < high {
            let middle = (low + high) / 2
            if spaces[middle] < index { low = middle + 1 } else { high = middle }
        }
        return Int32(Int64(extra) * Int64(low) / Int64(spaces.count))
    }

    /// Whether any run of `line` is right-to-left (such lines are left as Pango set them).
    static func hasRightToLeftRun(_ line: UnsafeMutablePointer<PangoLayoutLine>) -> Bool {
        var node = line.pointee.runs
        while let current = node {
            node = current.pointee.next
            if let raw = current.pointee.data,
               let item = raw.assumingMemoryBound(to: PangoGlyphItem.self).pointee.item, item.pointee.analysis.level % 2 == 1 {
                return true
            }
        }
        return false
    }
}
