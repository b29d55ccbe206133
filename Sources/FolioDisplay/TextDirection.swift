/// Which characters open right-to-left text: the measurer shapes such paragraphs whole (not in
/// windows) and code layout measures such lines alone, so Pango sets their direction.
public enum TextDirection {
    /// Hebrew, Arabic and the other right-to-left scripts, and the controls that open right-to-left text.
    public static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF,
             0x061C, 0x200F, 0x202B, 0x202E, 0x2067: true
        default: false
        }
    }
}
