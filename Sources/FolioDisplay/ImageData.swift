import Foundation

/// Encodings of images in the display list.
public enum ImageEncoding: String, Hashable, Sendable { case png, jpeg, gif, webp, svg }

/// Image bytes carried in the display list (an image given as a `data:` URI), compared by `key`.
public struct ImageData: Hashable, Sendable {
    public let bytes: Data
    /// Names the bytes: equal bytes, equal key (the backend decodes and embeds them once).
    public let key: String

    public init(bytes: Data, key: String) {
        self.bytes = bytes
        self.key = key
    }

    public static func == (lhs: ImageData, rhs: ImageData) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// An object set in a line of text like a character (an inline image): its advance, and how far
/// it reaches above and below the baseline, in points.
public struct InlineObject: Hashable, Sendable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    /// What is drawn there: its rect is relative to the object's left end on the baseline.
    public var items: [DisplayItem]

    public init(width: Double, ascent: Double, descent: Double, items: [DisplayItem]) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.items = items
    }

    /// The character that stands for an object in a span's text.
    public static let replacementCharacter = "\u{FFFC}"
}

/// Where an inline object sits in a line: its left end, from the line's start.
public struct ObjectRun: Hashable, Sendable {
    public var x: Double
    public var object: InlineObject
    public init(x: Double, object: InlineObject) { self.x = x; self.object = object }
}
