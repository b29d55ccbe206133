import Foundation

/// The image formats Folio places: rasters decoded by the backend, SVG drawn as vectors.
public enum ImageFormat: String, Hashable, Sendable, CaseIterable {
    case png, jpeg, gif, webp, svg
}

/// A width asked for an image: `{width=50%}` (of the text width) or `{width=4cm}`, `<img width="120">`.
public enum ImageWidth: Hashable, Sendable {
    case percent(Double)
    case points(Double)

    /// `50%`, `4cm`, `120` (pixels, as HTML means it), `120px`, `3in`; nil when it is none of these.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        if trimmed.hasSuffix("%") {
            guard let value = Double(trimmed.dropLast()), value.isFinite, value > 0, value <= 100 else { return nil }
            self = .percent(value)
            return
        }
        // A bare number is CSS pixels in HTML and in pandoc's attributes.
        let points = Double(trimmed).map { $0 * 0.75 } ?? Length.points(trimmed)
        guard let points, points.isFinite, points > 0, points <= 14_400 else { return nil }
        self = .points(points)
    }
}

/// An image's bytes held in memory (a decoded `data:` URI), compared by a digest of its content.
public struct ImageBytes: Hashable, Sendable {
    public let bytes: Data
    /// A digest of `bytes`: equal bytes, equal key (the backend embeds them once).
    public let key: String

    public init(_ bytes: Data) {
        self.bytes = bytes
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        key = "data:\(bytes.count):" + String(hash, radix: 16)
    }

    public static func == (lhs: ImageBytes, rhs: ImageBytes) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// An image as the briefing names it (block or inline), resolved: its bytes' place, format and natural
/// size, or why it cannot be shown (then it is drawn as a placeholder box with its alternative text).
public struct ImageReference: Hashable, Sendable {
    /// Alternative text (the `![alt]` or `alt=`).
    public var alt: String
    /// The target as written, shortened for messages (a `data:` URI is never kept whole).
    public var target: String
    /// The file read, when the image is a file.
    public var path: String?
    /// The bytes, when the image came inline (`data:` URI).
    public var data: ImageBytes?
    public var format: ImageFormat?
    /// Natural size in points (rasters at 96 pixels per inch; SVG from its width, height or viewBox).
    public var naturalWidth: Double
    public var naturalHeight: Double
    /// The width the source asked for, if any.
    public var width: ImageWidth?
    /// An `{#id}` given in the image's attributes.
    public var id: String?
    /// Why the image is not shown (missing, remote, unreadable); nil when it can be drawn.
    public var failure: String?
    /// Hints that go with `failure`'s warning.
    public var failureHints: [String] = []
    /// The failure's kind, when callers may treat it apart (remote, refused).
    public var failureKind: Diagnostic.Kind?
    public var location: SourceLocation

    public init(alt: String, target: String, location: SourceLocation) {
        self.alt = alt
        self.target = ImageReference.shortened(target)
        self.naturalWidth = 0
        self.naturalHeight = 0
        self.location = location
    }

    /// Whether the image can be drawn (else a placeholder stands in for it).
    public var isDrawable: Bool { failure == nil && format != nil && naturalWidth > 0 && naturalHeight > 0 }

    /// `text` cut to at most `limit` characters, with an ellipsis: targets in messages stay short.
    public static func shortened(_ text: String, limit: Int = 60) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }
}
