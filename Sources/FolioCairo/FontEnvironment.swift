import CCairo
import Foundation
import CPangoCairo
import FolioDisplay

/// The font map and Pango context of a run, owned; font descriptions cached by `FontSpec`.
///
/// Shaping is device-independent: 72 dpi (1 unit = 1 point), no hinting, so PDF, SVG and
/// PNG output all use the same line breaks and advances.
public final class FontEnvironment {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    private var descriptions: [FontSpec: OpaquePointer] = [:]
    /// Fonts behind issued `FontHandle`s (referenced), and their ids by pointer.
    var handleFonts: [UnsafeMutablePointer<PangoFont>] = []
    var handleIDs: [UnsafeMutableRawPointer: Int] = [:]
    var scaledFonts: [OpaquePointer?] = []
    let handleLock = NSLock()

    /// The private font set the font map chooses from (nil: the system's fontconfig as it is).
    let catalog: FontCatalog?

    public init() throws {
        // The catalog comes first: it makes its font list fontconfig's current configuration, so the
        // FcInit that Pango starts in the background finds one and skips parsing every rule file.
        catalog = ProcessInfo.processInfo.environment["FOLIO_SYSTEM_FONTS"] == "1" ? nil : FontCatalog()
        guard let map = pango_cairo_font_map_new() else { throw RenderError.pango("cannot create a font map") }
        fontMap = map
        if let catalog {
            pango_fc_font_map_set_config(OpaquePointer(map), catalog.curated)
        }
        pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
        guard let context = pango_font_map_create_context(map) else {
            g_object_unref(map)
            throw RenderError.pango("cannot create a Pango context")
        }
        self.context = context
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            pango_cairo_context_set_font_options(context, options)
            cairo_font_options_destroy(options)
        }
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
        for font in handleFonts { g_object_unref(font) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    /// The Pango font description for `spec` (owned by this environment).
    func description(for spec: FontSpec) -> OpaquePointer? {
        if let cached = descriptions[spec] { return cached }
        // Any family asked for joins the private font set (a no-op once it is there).
        if let catalog {
            let before = catalog.addedFaces
            catalog.include(family: spec.family)
            if catalog.addedFaces != before { pango_fc_font_map_config_changed(OpaquePointer(fontMap)) }
        }
        guard let description = pango_font_description_new() else { return nil }
        pango_font_description_set_family(description, spec.family + ",Noto Sans CJK SC,Noto Sans,DejaVu Sans")
        pango_font_description_set_size(description, PangoUnits.units(spec.size))
        pango_font_description_set_weight(description, PangoWeight(rawValue: UInt32(clamping: spec.weight)))
        pango_font_description_set_style(description, spec.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        descriptions[spec] = description
        return description
    }

    /// Characters Folio itself draws (list markers, ellipses, arrows, chart marks).
    public static var folioCharacters: String { FontCatalog.folioCharacters }

    /// Makes `families` and every character of `scalars` available to the font map.
    /// Returns the families that are not installed (they fall back to others).
    public func prepare(families: [String], scalars: Set<UInt32>, preferring body: String) -> [String] {
        guard let catalog else { return families.filter { !hasFamily($0) } }
        let before = catalog.addedFaces
        let missing = families.filter { !catalog.include(family: $0) }
        catalog.ensureCoverage(of: scalars, preferring: body)
        if catalog.addedFaces != before {
            pango_fc_font_map_config_changed(OpaquePointer(fontMap))
        }
        return missing
    }

    /// Families fontconfig knows, to warn about a layout naming one that is not installed.
    public func hasFamily(_ family: String) -> Bool {
        var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(fontMap, &families, &count)
        defer { g_free(families) }
        guard let families else { return false }
        let wanted = family.lowercased()
        for index in 0..<Int(count) {
            if let entry = families[index], let name = pango_font_family_get_name(entry),
               String(cString: name).lowercased() == wanted {
                return true
            }
        }
        return false
    }
}
