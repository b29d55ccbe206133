import Foundation

/// The natural size of an SVG from its root element's `width`, `height` and `viewBox` (CSS pixels
/// at 96 per inch; 300×150 when it gives none, as browsers do). The backend (librsvg) draws it.
enum SVGSize {
    /// The size in points, or nil when `data` holds no `<svg` root element.
    static func of(_ data: Data) -> (width: Double, height: Double)? {
        let head = String(decoding: data.prefix(16_384), as: UTF8.self)
        guard head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).hasPrefix("<"),
              let open = head.range(of: "<svg", options: .caseInsensitive) else { return nil }
        guard let close = head[open.upperBound...].firstIndex(of: ">") else { return nil }
        let attributes = HTMLTag.attributes(in: String(head[open.upperBound..<close]))
        let box = attributes["viewbox"].map { $0.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } }
        let boxSize = box.flatMap { $0.count == 4 && $0[2] > 0 && $0[3] > 0 ? ($0[2], $0[3]) : nil }
        var width = attributes["width"].flatMap(points)
        var height = attributes["height"].flatMap(points)
        if let boxSize {
            if width == nil, let height { width = height * boxSize.0 / boxSize.1 }
            if height == nil, let width { height = width * boxSize.1 / boxSize.0 }
        }
        let fallback = boxSize.map { ($0.0 * 0.75, $0.1 * 0.75) } ?? (225, 112.5)
        return (width ?? fallback.0, height ?? fallback.1)
    }

    /// An absolute SVG length in points (a bare number is pixels); nil for `%`, `em` and bad values.
    static func points(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value = Double(trimmed).map { $0 * 0.75 } ?? Length.points(trimmed)
        guard let value, value.isFinite, value > 0, value <= 14_400 else { return nil }
        return value
    }
}
