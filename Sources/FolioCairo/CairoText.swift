import FolioDisplay

/// Text as Cairo accepts it. Cairo's UTF-8 check rejects Unicode noncharacters (U+FDD0…U+FDEF and
/// every U+xFFFE, U+xFFFF) that Swift strings may hold; a string it rejects puts the whole surface in
/// an error state. They mean nothing on a page, so they are left out of what Cairo is given.
enum CairoText {
    /// Whether `scalar` is a noncharacter (Cairo rejects it in UTF-8).
    static func isNoncharacter(_ value: UInt32) -> Bool {
        (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// Whether UTF-8 `bytes` may hold a noncharacter: every one is encoded from lead byte 0xEF up.
    static func mayHoldNoncharacter<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        bytes.contains { $0 >= 0xEF }
    }

    /// `text` without noncharacters.
    static func sanitized(_ text: String) -> String {
        guard mayHoldNoncharacter(text.utf8) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isNoncharacter($0.value) })
        return String(scalars)
    }

    /// Valid UTF-8 `bytes` without noncharacters.
    static func sanitized(_ bytes: [UInt8]) -> [UInt8] {
        guard mayHoldNoncharacter(bytes) else { return bytes }
        return Array(sanitized(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// Whether Cairo accepts `utf8` with `clusters` over `glyphCount` glyphs (its own checks, made
    /// beforehand: a rejected call would leave the page's context in an error state for good).
    /// `utf8` is a Swift string's, so valid UTF-8 as a whole.
    static func clustersAreValid(utf8: [UInt8], clusters: [GlyphCluster], glyphCount: Int) -> Bool {
        if mayHoldNoncharacter(utf8),
           String(decoding: utf8, as: UTF8.self).unicodeScalars.contains(where: { isNoncharacter($0.value) }) {
            return false
        }
        var bytes = 0, glyphs = 0
        for cluster in clusters {
            guard cluster.bytes >= 0, cluster.glyphs >= 0, cluster.bytes > 0 || cluster.glyphs > 0 else { return false }
            bytes += Int(cluster.bytes)
            glyphs += Int(cluster.glyphs)
            guard bytes <= utf8.count, glyphs <= glyphCount else { return false }
            // Each cluster's bytes must be whole characters: the next one starts on a lead byte.
            if bytes < utf8.count, utf8[bytes] & 0xC0 == 0x80 { return false }
        }
        return bytes == utf8.count && glyphs == glyphCount
    }
}
