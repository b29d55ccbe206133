/// Fonts made for scripts that the general fallbacks draw poorly: DejaVu Sans, always offered, has
/// Arabic and Hebrew letters, but neither the Naskh forms Arabic readers expect nor well-placed
/// Hebrew vowel points. Text in these scripts asks for the Noto families first (fonts-noto-core).
struct ScriptFonts: OptionSet, Hashable {
    let rawValue: UInt8

    static let arabic = ScriptFonts(rawValue: 1)
    static let hebrew = ScriptFonts(rawValue: 2)

    /// The scripts of `scalar` that have fonts of their own here.
    static func of(_ scalar: UInt32) -> ScriptFonts {
        switch scalar {
        case 0x0590...0x05FF, 0xFB1D...0xFB4F: .hebrew
        case 0x0600...0x06FF, 0x0750...0x077F, 0x0870...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: .arabic
        default: []
        }
    }

    /// The scripts used in `text` (only texts with bytes that can start such characters are decoded).
    static func of(_ text: String) -> ScriptFonts {
        guard text.utf8.contains(where: { (0xD6...0xE0).contains($0) || $0 == 0xEF }) else { return [] }
        var found: ScriptFonts = []
        for scalar in text.unicodeScalars where scalar.value >= 0x0590 { found.formUnion(of(scalar.value)) }
        return found
    }

    /// The scripts used by any of `scalars`.
    static func of<Scalars: Sequence>(scalars: Scalars) -> ScriptFonts where Scalars.Element == UInt32 {
        scalars.reduce(into: []) { $0.formUnion(of($1)) }
    }

    /// The families to ask for, in order, beside `family`: serif forms for a serif family.
    func families(beside family: String) -> [String] {
        let sans = family.lowercased().contains("sans") || family.lowercased().contains("mono")
        var names: [String] = []
        if contains(.arabic) { names.append(sans ? "Noto Sans Arabic" : "Noto Naskh Arabic") }
        if contains(.hebrew) { names.append(sans ? "Noto Sans Hebrew" : "Noto Serif Hebrew") }
        return names
    }

    /// Every family these scripts may ask for (serif and sans), for the font catalog.
    var allFamilies: [String] { families(beside: "serif") + families(beside: "sans") }
}
