/// Collecting the characters a text uses beyond ASCII.
public enum Characters {
    /// The Unicode scalars of `text` at or above U+0080.
    public static func nonASCII(in text: String) -> Set<UInt32> {
        var result = Set<UInt32>()
        // Only texts with non-ASCII bytes pay for scalar decoding.
        guard ByteScan.hasNonASCII(text) else { return result }
        for scalar in text.unicodeScalars where scalar.value >= 0x80 { result.insert(scalar.value) }
        return result
    }
}
