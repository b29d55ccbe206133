import CPangoCairo

/// Pango units ↔ points, converted in this one place (Pango counts 1/1024 of a device unit; we lay out at 72 dpi).
enum PangoUnits {
    static let scale = Double(folio_pango_scale())

    static func points(_ units: Int32) -> Double { Double(units) / scale }
    static func units(_ points: Double) -> Int32 {
        let value = (points * scale).rounded()
        return Int32(max(min(value, Double(Int32.max / 2)), Double(Int32.min / 2)))
    }
}
