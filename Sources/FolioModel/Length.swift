/// Lengths in layouts: `22mm`, `2.5cm`, `1in`, `10.5pt`, `12px`; all converted to points.
public enum Length {
    public static let units: [(suffix: String, points: Double)] = [
        ("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72), ("pt", 1), ("px", 0.75),
    ]

    /// Points for `text`, or nil when it is not a length. A bare number is points.
    public static func points(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: " ")
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: " ")), value.isFinite else { return nil }
            return value * factor
        }
        guard let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// Points for a YAML scalar, with an error naming the accepted units.
    static func points(_ value: YAMLValue, allowZero: Bool = true) throws -> Double {
        let text = try value.string("a length such as 20mm")
        guard let points = points(text), points >= 0, points <= 14_400, allowZero || points > 0 else {
            throw value.error("'\(text)' is not a valid length", hints: ["use a number with mm, cm, in, pt or px, e.g. 20mm"])
        }
        return points
    }
}

extension Substring {
    func trimmingCharacters(in character: Character) -> String { String(self).trimmingCharacters(in: character) }
}
