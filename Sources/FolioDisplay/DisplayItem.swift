/// The backend-independent drawing vocabulary: layout produces these, backends only draw them.
///
/// Backends switch over `DisplayItem` exhaustively (no `default:`), so a new kind of item
/// is a compile error in every backend until it is drawn.
public enum DisplayItem: Hashable, Sendable {
    /// A shaped line of text; `origin` is the left end of its baseline.
    case text(TextItem)
    /// A rectangle, filled and/or stroked.
    case rect(RectItem)
    /// A straight line.
    case line(LineItem)
    /// A path of lines and curves.
    case path(PathItem)
    /// A raster image scaled into `rect`.
    case image(ImageItem)
    /// A clickable area: an external URI or an internal anchor.
    case link(LinkItem)
    /// A named destination, optionally with an outline (bookmark) entry.
    case anchor(AnchorItem)
    /// Items drawn translated and scaled, optionally clipped (a chart placed in the page).
    case group(GroupItem)
    /// The start or end of a structure element (PDF tagging); draws nothing.
    case structure(StructureMark)
}

public struct TextItem: Hashable, Sendable {
    public var origin: Point
    public var line: TextLine
    public init(origin: Point, line: TextLine) { self.origin = origin; self.line = line }

    /// The line's box on the page.
    public var bounds: Rect {
        Rect(x: origin.x, y: origin.y - line.ascent, width: line.drawnWidth, height: line.height)
    }
}

/// A stroke: colour, width in points, and a dash pattern (empty for solid).
public struct Stroke: Hashable, Sendable {
    public var color: Color
    public var width: Double
    public var dash: [Double]
    public init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

public struct RectItem: Hashable, Sendable {
    public var rect: Rect
    public var fill: Color?
    public var stroke: Stroke?
    public var cornerRadius: Double
    public init(rect: Rect, fill: Color? = nil, stroke: Stroke? = nil, cornerRadius: Double = 0) {
        self.rect = rect
        self.fill = fill
        self.stroke = stroke
        self.cornerRadius = cornerRadius
    }
}

public struct LineItem: Hashable, Sendable {
    public var from: Point
    public var to: Point
    public var stroke: Stroke
    public init(from: Point, to: Point, stroke: Stroke) { self.from = from; self.to = to; self.stroke = stroke }
}

public enum PathElement: Hashable, Sendable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    /// A circular arc around `center`, angles in radians, clockwise on the page.
    case arc(center: Point, radius: Double, start: Double, end: Double)
    case close
}

public struct PathItem: Hashable, Sendable {
    public var elements: [PathElement]
    public var fill: Color?
    public var stroke: Stroke?
    public init(elements: [PathElement], fill: Color? = nil, stroke: Stroke? = nil) {
        self.elements = elements
        self.fill = fill
        self.stroke = stroke
    }
}

public struct ImageItem: Hashable, Sendable {
    public var rect: Rect
    /// The image file ("" when the image's bytes are held in `data`).
    public var path: String
    public init(rect: Rect, path: String) { self.rect = rect; self.path = path }
    /// How the bytes are encoded (the backend decodes them; SVG stays vector where the output allows).
    public var encoding: ImageEncoding = .png
    /// The bytes of an image given inline (a `data:` URI), or nil for a file.
    public var data: ImageData?
    /// Alternative text.
    public var alt = ""

    public init(rect: Rect, path: String, encoding: ImageEncoding, data: ImageData? = nil, alt: String = "") {
        self.rect = rect
        self.path = path
        self.encoding = encoding
        self.data = data
        self.alt = alt
    }

    /// Names the image's bytes: its path, or its data's key (equal bytes, equal key).
    public var key: String { data?.key ?? path }
}

public struct LinkItem: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        case uri(String)
        case anchor(String)
    }
    public var rect: Rect
    public var target: Target
    /// The linked text, for readers (a PDF link's `/Contents`); empty when unknown.
    public var label: String
    public init(rect: Rect, target: Target, label: String = "") { self.rect = rect; self.target = target; self.label = label }
}

public struct AnchorItem: Hashable, Sendable {
    public var name: String
    public var point: Point
    /// Outline entry text and level (1 = top) for the PDF bookmarks, or nil.
    public var outlineTitle: String?
    public var outlineLevel: Int
    public init(name: String, point: Point, outlineTitle: String? = nil, outlineLevel: Int = 1) {
        self.name = name
        self.point = point
        self.outlineTitle = outlineTitle
        self.outlineLevel = outlineLevel
    }
}

public struct GroupItem: Hashable, Sendable {
    /// Where the group's own (0, 0) lands on the page, and its uniform scale.
    public var origin: Point
    public var scale: Double
    /// Clip rectangle in the group's own coordinates, or nil.
    public var clip: Rect?
    public var items: [DisplayItem]
    /// Turn about `origin` in radians, clockwise on the page (a rotated axis label); 0 for none.
    public var rotation: Double
    public init(origin: Point, scale: Double = 1, clip: Rect? = nil, items: [DisplayItem], rotation: Double = 0) {
        self.origin = origin
        self.scale = scale
        self.clip = clip
        self.items = items
        self.rotation = rotation
    }
}
