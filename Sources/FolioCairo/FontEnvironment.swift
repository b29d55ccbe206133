import CCairo
import Foundation
import CPangoCairo
import FolioDisplay
import FolioBundle

/// The font map and Pango context of a run, owned; font descriptions cached by `FontSpec`.
///
/// Shaping is device-independent: 72 dpi (1 unit = 1 point), no hinting, so PDF, SVG and
/// PNG output all use the same line breaks and advances.
public final class FontEnvironment {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    private var descriptions: [DescriptionKey: OpaquePointer] = [:]
    private struct DescriptionKey: Hashable { let spec: FontSpec; let scripts: ScriptFonts }
    /// Issued font handles, shared with sibling environments.
    let registry: FontRegistry
    /// The private font set the font map chooses from (nil: the system's fontconfig as it is).
    let catalog: FontCatalog?
    /// The catalog's size when this font map last dropped its caches.
    private var catalogGeneration: Int
    /// Whether asking for a family may add it to the catalog: only the main environment's thread
    /// changes the catalog; a sibling on a helper thread only reads it (see `PangoMeasurer.shapeAhead`).
    private let extendsCatalog: Bool

    public convenience init() throws {
        // The catalog comes first: it makes its font list fontconfig's current configuration, so the
        // FcInit that Pango starts in the background finds one and skips parsing every rule file.
        let catalog = EnvironmentVariable.isOne("FOLIO_SYSTEM_FONTS") ? nil : FontCatalog()
        try self.init(catalog: catalog, registry: FontRegistry(), extendsCatalog: true)
    }

    private init(catalog: FontCatalog?, registry: FontRegistry, extendsCatalog: Bool) throws {
        self.catalog = catalog
        self.registry = registry
        self.extendsCatalog = extendsCatalog
        catalogGeneration = catalog?.addedFaces ?? 0
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

    /// Another font map and context over the same fonts and handles, for shaping on another
    /// thread (Pango font maps are not thread-safe; two of them on two threads are).
    func sibling() throws -> FontEnvironment {
        try FontEnvironment(catalog: catalog, registry: registry, extendsCatalog: false)
    }

    /// Has the font map drop its caches when the catalog grew since it last looked.
    func followCatalog() {
        guard let catalog, catalog.addedFaces != catalogGeneration else { return }
        catalogGeneration = catalog.addedFaces
        pango_fc_font_map_config_changed(OpaquePointer(fontMap))
    }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    /// The Pango font description for `spec` (owned by this environment); text in `scripts` asks for
    /// those scripts' own fonts right after the family (see `ScriptFonts`).
    func description(for spec: FontSpec, scripts: ScriptFonts = []) -> OpaquePointer? {
        let key = DescriptionKey(spec: spec, scripts: scripts)
        if let cached = descriptions[key] { return cached }
        // Any family asked for joins the private font set (a no-op once it is there).
        if extendsCatalog {
            catalog?.include(family: spec.family)
            for family in scripts.allFamilies { catalog?.include(family: family) }
            followCatalog()
        }
        guard let description = pango_font_description_new() else { return nil }
        let families = [spec.family] + scripts.families(beside: spec.family) + ["Droid Sans Fallback", "Noto Sans", "DejaVu Sans"]
        pango_font_description_set_family(description, families.joined(separator: ","))
        pango_font_description_set_size(description, PangoUnits.units(spec.size))
        pango_font_description_set_weight(description, PangoWeight(rawValue: UInt32(clamping: spec.weight)))
        pango_font_description_set_style(description, spec.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        descriptions[key] = description
        return description
    }

    /// Characters Folio itself draws (list markers, ellipses, arrows, chart marks).
    public static var folioCharacters: String { FontCatalog.folioCharacters }

    /// Makes `families` and every character of `scalars` available to the font map.
    /// Returns the families that are not installed (they fall back to others).
    public func prepare(families: [String], scalars: Set<UInt32>, preferring body: String) -> [String] {
        guard let catalog else { return families.filter { !hasFamily($0) } }
        let missing = families.filter { !catalog.include(family: $0) }
        // Fonts of the scripts used join now, on this thread (a helper thread only reads the catalog).
        for family in ScriptFonts.of(scalars: scalars).allFamilies { catalog.include(family: family) }
        catalog.ensureCoverage(of: scalars, preferring: body)
        followCatalog()
        return missing
    }

    /// The characters of `scalars` that no installed font can draw, ascending: only those that
    /// would show (not controls, format characters or noncharacters), as found by `prepare`.
    public func undrawable(in scalars: Set<UInt32>) -> [UInt32] {
        guard let catalog else { return [] }
        return scalars.filter { catalog.uncoverable.contains($0) && Self.isVisible($0) }.sorted()
    }

    /// Whether a character shows on the page (a font must have it): not a control, format,
    /// separator, surrogate or noncharacter code point, and not default-ignorable.
    static func isVisible(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value), !CairoText.isNoncharacter(value) else { return false }
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint { return false }
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: return false
        default: return true
        }
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
