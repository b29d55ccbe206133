import CPangoCairo
import Foundation
import FolioBundle

/// The fonts Folio lets Pango choose from: a private fontconfig set holding only the families a
/// document can use, so each font lookup sorts a few dozen faces instead of every installed one.
///
/// Coverage is not lost: `ensureCoverage(of:)` adds, for any character no chosen font has,
/// the family the system's own fontconfig would fall back to.
final class FontCatalog {
    /// The installed fonts, read from fontconfig's caches without its rule files (fast to load).
    private let system: OpaquePointer
    /// The full system configuration with its rules, loaded only to resolve generic names or fallbacks.
    private lazy var rules: OpaquePointer? = FcInitLoadConfigAndFonts()
    /// The private configuration the font map uses.
    let curated: OpaquePointer
    private var families: Set<String> = []
    /// Families looked for and not installed (not searched for again).
    private var absent: Set<String> = []
    private var curatedCharsets: [OpaquePointer] = []
    private var covered: Set<UInt32> = []
    /// Characters no installed font has (looked for once).
    private(set) var uncoverable: Set<UInt32> = []
    /// Faces added so far; a change tells the font map to drop its caches.
    private(set) var addedFaces = 0

    /// Families always offered: common fallbacks for symbols, arrows and CJK text.
    /// (Every face added makes each font lookup sort more; characters none of these has bring their own.)
    static let fallbackFamilies = ["DejaVu Sans", "Droid Sans Fallback", "Noto Sans Symbols", "Noto Sans Symbols2"]
    /// CSS/fontconfig generic names, resolved through the system's rules.
    static let genericFamilies: Set<String> = ["serif", "sans-serif", "sans", "monospace", "mono", "cursive", "fantasy",
                                               "system-ui", "emoji", "math"]
    /// Characters Folio itself draws (list markers, ellipses, arrows, chart marks).
    static let folioCharacters = "•◦▪…–—→←↑↓↔×·‐‑“”‘’▲▼◆●○■□★+−"

    /// Whether a font list was made fontconfig's current configuration (once per process).
    /// Safe as `nonisolated(unsafe)`: only read and written while holding `currentLock` (batch
    /// workers make their catalogs on several threads at once).
    nonisolated(unsafe) private static var madeCurrent = false
    private static let currentLock = NSLock()

    /// Font folders of a Debian system and the user's, with fontconfig's cache folders.
    static let fontFolders = """
        <fontconfig><dir>/usr/share/fonts</dir><dir>/usr/local/share/fonts</dir>
        <dir prefix="xdg">fonts</dir><dir>~/.fonts</dir>
        <cachedir>/var/cache/fontconfig</cachedir><cachedir prefix="xdg">fontconfig</cachedir></fontconfig>
        """

    /// Fontconfig's bitmap-scaling rule (conf.d/10-scale-bitmap-fonts.conf), which the private
    /// configuration would otherwise lack: a bitmap-only font (Noto Color Emoji has 109-pixel strikes)
    /// is scaled to the size asked for instead of being drawn at its strike's size.
    static let bitmapScaling = """
        <fontconfig>
        <match target="font"><test name="outline" compare="eq"><bool>false</bool></test>
          <edit name="pixelsizefixupfactor" mode="assign">
            <divide><name target="pattern">pixelsize</name><name target="font">pixelsize</name></divide></edit></match>
        <match target="font"><test name="outline" compare="eq"><bool>false</bool></test>
          <test name="pixelsizefixupfactor" compare="not_eq"><double>1.0</double></test>
          <edit name="matrix" mode="assign"><times><name>matrix</name>
            <matrix><name>pixelsizefixupfactor</name><double>0</double><double>0</double><name>pixelsizefixupfactor</name></matrix>
          </times></edit>
          <edit name="size" mode="assign"><divide><name>size</name><name>pixelsizefixupfactor</name></divide></edit></match>
        </fontconfig>
        """

    init?() {
        guard let system = Self.loadFontList() else { return nil }
        Self.currentLock.withLock {
            if !Self.madeCurrent { FcConfigSetCurrent(system); Self.madeCurrent = true }
        }
        guard let curated = FcConfigCreate() else {
            FcConfigDestroy(system)
            return nil
        }
        self.system = system
        self.curated = curated
        // Creates the (empty) application font set that chosen faces are added to; the cache folder
        // only keeps fontconfig from complaining about the empty folder it scans. Both live in the
        // user's private cache folder (FontCacheFolder), never in a shared predictable path.
        let scratch = FontCacheFolder.path
        let empty = scratch + "/empty"
        mkdir(empty, 0o700)
        let rules = "<fontconfig><cachedir>\(scratch)/fontconfig</cachedir></fontconfig>"
        FcConfigParseAndLoadFromMemory(curated, rules, 1)
        FcConfigAppFontAddDir(curated, empty)
        FcConfigParseAndLoadFromMemory(curated, Self.bitmapScaling, 1)
        for family in Self.fallbackFamilies { include(family: family) }
    }

    deinit {
        FcConfigDestroy(curated)
        FcConfigDestroy(system)
        if let rules { FcConfigDestroy(rules) }
    }

    /// The installed fonts: from the standard folders' caches, or the full configuration when the
    /// user points fontconfig elsewhere (FONTCONFIG_FILE / FONTCONFIG_PATH).
    static func loadFontList() -> OpaquePointer? {
        if EnvironmentVariable.value("FONTCONFIG_FILE") != nil || EnvironmentVariable.value("FONTCONFIG_PATH") != nil {
            return FcInitLoadConfigAndFonts()
        }
        guard let config = FcConfigCreate() else { return nil }
        guard FcConfigParseAndLoadFromMemory(config, fontFolders, 1) != 0, FcConfigBuildFonts(config) != 0 else {
            FcConfigDestroy(config)
            return FcInitLoadConfigAndFonts()
        }
        return config
    }

    /// Whether asking for `family` would leave the catalog as it is (included already, or known absent).
    func holds(family requested: String) -> Bool {
        let key = requested.lowercased()
        return families.contains(key) || absent.contains(key)
    }

    /// Adds every face of `family` (a generic name such as "serif" resolves through the system rules).
    /// Returns false when no installed font has that family.
    @discardableResult
    func include(family requested: String) -> Bool {
        let key = requested.lowercased()
        if families.contains(key) { return true }
        if absent.contains(key) { return false }
        guard let systemFonts = FcConfigGetFonts(system, FcSetSystem)?.pointee,
              let appSet = FcConfigGetFonts(curated, FcSetApplication) else { return false }
        var found = false
        for index in 0..<Int(systemFonts.nfont) {
            guard let pattern = systemFonts.fonts[index], Self.families(of: pattern).contains(key) else { continue }
            guard let copy = FcPatternDuplicate(pattern) else { continue }
            OpenFaces.shared.attach(to: copy)
            FcFontSetAdd(appSet, copy)
            addedFaces += 1
            var charset: OpaquePointer?
            if FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch, let charset { curatedCharsets.append(charset) }
            found = true
        }
        if found {
            families.insert(key)
        } else if Self.genericFamilies.contains(key), let resolved = resolve(generic: requested), resolved.lowercased() != key {
            found = include(family: resolved)
            if found { families.insert(key) }
        }
        if !found { absent.insert(key) }
        return found
    }

    /// The family the system rules give for `name` ("serif" → "DejaVu Serif"), if any.
    private func resolve(generic name: String) -> String? {
        guard let pattern = FcNameParse(name) else { return nil }
        defer { FcPatternDestroy(pattern) }
        guard let rules else { return nil }
        FcConfigSubstitute(rules, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(rules, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var family: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch, let family else { return nil }
        return String(cString: family)
    }

    /// Adds fallback families for characters of `scalars` that no chosen font can draw.
    /// Returns true when fonts were added (the font map must then drop its caches).
    @discardableResult
    func ensureCoverage(of scalars: Set<UInt32>, preferring family: String) -> Bool {
        var missing: [UInt32] = []
        for scalar in scalars where scalar >= 0x80 && !covered.contains(scalar) && !uncoverable.contains(scalar) {
            if curatedCharsets.contains(where: { FcCharSetHasChar($0, scalar) != 0 }) {
                covered.insert(scalar)
            } else {
                missing.append(scalar)
            }
        }
        if EnvironmentVariable.isOne("FOLIO_TRACE"), !missing.isEmpty {
            FileHandle.standardError.write(Data(("trace: fallback fonts for " + missing.map { String(format: "U+%04X", $0) }.joined(separator: " ") + "\n").utf8))
        }
        guard !missing.isEmpty, let pattern = FcNameParse(family), let charset = FcCharSetCreate() else { return false }
        defer {
            FcPatternDestroy(pattern)
            FcCharSetDestroy(charset)
        }
        for scalar in missing { FcCharSetAddChar(charset, scalar) }
        guard let rules else { return false }
        FcConfigSubstitute(rules, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let sorted = FcFontSort(rules, pattern, 1, nil, &result) else { return false }
        defer { FcFontSetDestroy(sorted) }
        var added = false
        var remaining = Set(missing)
        let set = sorted.pointee
        for index in 0..<Int(set.nfont) where !remaining.isEmpty {
            guard let font = set.fonts[index] else { continue }
            var fontCharset: OpaquePointer?
            guard FcPatternGetCharSet(font, FC_CHARSET, 0, &fontCharset) == FcResultMatch, let fontCharset else { continue }
            let helps = remaining.filter { FcCharSetHasChar(fontCharset, $0) != 0 }
            guard !helps.isEmpty, let name = Self.families(of: font).first else { continue }
            if include(family: name) { added = true }
            remaining.subtract(helps)
        }
        covered.formUnion(missing.filter { !remaining.contains($0) })
        uncoverable.formUnion(remaining)
        return added
    }

    /// Every family name of a pattern, lowercased (fonts list localized names too).
    static func families(of pattern: OpaquePointer) -> [String] {
        var names: [String] = []
        var index: Int32 = 0
        var value: UnsafeMutablePointer<FcChar8>?
        while FcPatternGetString(pattern, FC_FAMILY, index, &value) == FcResultMatch, let value {
            names.append(String(cString: value).lowercased())
            index += 1
        }
        return names
    }
}
