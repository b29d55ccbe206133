import CPangoCairo

/// Justifies one broken line: the room it leaves is shared out among its gaps, in whole Pango units,
/// so where a glyph lands depends on nothing but the line itself.
///
/// The gaps are the word spaces, or, in a line without any (Chinese, Japanese), the boundaries between
/// its characters. They are found in visual order, so right-to-left words justify like any other.
///
/// Folio does this instead of Pango: Pango 1.50's justification sometimes stretches a line that ends
/// in an inserted hyphen as if the hyphen took no room (the line then overhangs the margin), and
/// whether it does depends on what its font map shaped before, which with shaping shared between
/// threads would make two renders of one document differ.
struct Justification {
    /// Natural x positions (Pango units) where a share of the room is added, ascending.
    let gaps: [Int32]
    /// Pango units added across the line.
    let extra: Int32

    static let none = Justification(gaps: [], extra: 0)

    private init(gaps: [Int32], extra: Int32) {
        self.gaps = gaps
        self.extra = extra
    }

    /// The justification of `line` from its natural width to `target` (Pango units). Bytes from
    /// `contentEnd` on are trailing spaces, never stretched. None when there is no room to fill.
    init(line: UnsafeMutablePointer<PangoLayoutLine>, text: [UInt8], contentEnd: Int, natural: Int32, target: Int32) {
        let extra = target - natural
        guard extra != 0 else {
            self = .none
            return
        }
        // Every cluster of the line in visual order: where it starts in the text, where it ends on the line.
        var clusters: [(byte: Int, right: Int32)] = []
        var x: Int32 = 0
        for run in PangoLineRuns(line: line) {
            let item = run.item, glyphs = run.glyphs
            guard let infos = glyphs.glyphs, let logClusters = glyphs.log_clusters else { continue }
            for index in 0..<Int(glyphs.num_glyphs) {
                x += infos[index].geometry.width
                let byte = Int(item.offset + logClusters[index])
                if index > 0, Int(item.offset + logClusters[index - 1]) == byte, let last = clusters.indices.last {
                    clusters[last].right = x
                } else {
                    clusters.append((byte, x))
                }
            }
        }
        let content = clusters.filter { $0.byte < contentEnd }
        let spaces = content.filter { text[$0.byte] == 0x20 }.map(\.right)
        // Without spaces, the room goes between characters, after each but the last, in scripts
        // written without spaces only: a Latin word is never letter-spaced (its line stays ragged).
        // Total fit may shrink a line a little: only its spaces give.
        let gaps: ArraySlice<Int32>
        if !spaces.isEmpty {
            gaps = spaces.sorted()[...]
        } else if extra > 0, content.contains(where: { Self.isWrittenWithoutSpaces(text, at: $0.byte) }) {
            gaps = content.map(\.right).sorted().dropLast()
        } else {
            gaps = []
        }
        self = gaps.isEmpty ? .none : Justification(gaps: Array(gaps), extra: extra)
    }

    /// Whether the character at `byte` belongs to a script written without spaces (CJK ideographs,
    /// kana, Hangul syllables, fullwidth forms, Thai and its neighbours).
    static func isWrittenWithoutSpaces(_ text: [UInt8], at byte: Int) -> Bool {
        guard byte + 2 < text.count else { return false }
        let lead = text[byte]
        guard lead & 0xF0 == 0xE0 else { return lead == 0xF0 && byte + 1 < text.count && text[byte + 1] >= 0xA0 }
        let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(text[byte + 1] & 0x3F) << 6) | UInt32(text[byte + 2] & 0x3F)
        switch scalar {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
             0xFF00...0xFFEF: return true
        default: return false
        }
    }

    /// What is added to a glyph or edge at natural position `x`: an even share per gap at or before it.
    func shift(atX x: Int32) -> Int32 {
        guard extra != 0, !gaps.isEmpty else { return 0 }
        var low = 0, high = gaps.count
        while low < high {
            let middle = (low + high) / 2
            if gaps[middle] <= x { low = middle + 1 } else { high = middle }
        }
        return Int32(Int64(extra) * Int64(low) / Int64(gaps.count))
    }
}
