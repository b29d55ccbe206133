import CCairo
import CPangoCairo
import FolioDisplay

/// Draws display items on a Cairo context: the one place that turns the display list into ink.
final class ItemPainter {
    let fonts: FontEnvironment
    let builder: PangoLayoutBuilder
    /// Decoded images by key (see `ItemPainter+Images`).
    var images: [String: DecodedImage] = [:]
    /// Images already painted on the current page, and how deep `draw(_:on:)` is nested (0: a new page).
    var imagesOnPage: Set<String> = []
    private var drawDepth = 0
    /// Whether link and anchor items emit PDF tags (only PDF surfaces use them).
    let emitsTags: Bool
    /// Builds the structure tree and marks content while a PDF is drawn (nil for other surfaces).
    let structure: StructureRecorder?
    /// Whether consecutive plain lines share one Cairo call (`drawBatch`; off only to compare).
    var batchesLines = true
    /// The page's area while its own items are drawn (PDF pages): only lines wholly inside it, and
    /// not inside a group, are drawn together. Nil: every line is drawn alone.
    var pageBounds: Rect?
    /// Lines drawn together with others, and the calls that drew them (for tests).
    var batchedLines = 0, batchCalls = 0

    init(fonts: FontEnvironment, emitsTags: Bool, structure: StructureRecorder? = nil) {
        self.fonts = fonts
        self.builder = PangoLayoutBuilder(fonts: fonts)
        self.emitsTags = emitsTags
        self.structure = structure
    }

    func draw(_ items: [DisplayItem], on cr: OpaquePointer) {
        if drawDepth == 0 { imagesOnPage.removeAll(keepingCapacity: true) }
        drawDepth += 1
        defer { drawDepth -= 1 }
        // Consecutive plain lines in one font and colour are drawn together (`drawBatch`).
        var batch: [BatchedRun] = []
        let bounds = batchesLines && drawDepth == 1 ? pageBounds : nil
        for item in items {
            if let bounds, let line = batchedRun(item, inside: bounds) {
                if let first = batch.first, !Self.joins(line, first) {
                    drawBatch(batch, on: cr)
                    batch.removeAll(keepingCapacity: true)
                }
                if batch.isEmpty { structure?.content(on: cr) }
                batch.append(line)
                continue
            }
            if !batch.isEmpty {
                drawBatch(batch, on: cr)
                batch.removeAll(keepingCapacity: true)
            }
            draw(item, on: cr)
        }
        drawBatch(batch, on: cr)
    }

    func draw(_ item: DisplayItem, on cr: OpaquePointer) {
        if let structure {
            switch item {
            case .text, .rect, .line, .path, .image: structure.content(on: cr)
            case .link, .anchor, .group, .structure: break
            }
        }
        switch item {
        case .text(let text): drawText(text, on: cr)
        case .rect(let rect): drawRect(rect, on: cr)
        case .line(let line):
            cairo_new_path(cr)
            cairo_move_to(cr, line.from.x, line.from.y)
            cairo_line_to(cr, line.to.x, line.to.y)
            stroke(line.stroke, on: cr)
        case .path(let path): drawPath(path, on: cr)
        case .image(let image): drawImage(image, on: cr)
        case .link(let link): drawLink(link, on: cr)
        case .anchor(let anchor): drawAnchor(anchor, on: cr)
        case .group(let group):
            guard group.scale.isFinite, group.scale > 0 else { return }
            cairo_save(cr)
            cairo_translate(cr, group.origin.x, group.origin.y)
            if group.rotation != 0, group.rotation.isFinite { cairo_rotate(cr, group.rotation) }
            cairo_scale(cr, group.scale, group.scale)
            if let clip = group.clip {
                cairo_rectangle(cr, clip.x, clip.y, clip.width, clip.height)
                cairo_clip(cr)
            }
            draw(group.items, on: cr)
            cairo_restore(cr)
        case .structure(let mark): structure?.mark(mark)
        }
    }

    func setColor(_ color: Color, on cr: OpaquePointer) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    func stroke(_ stroke: Stroke, on cr: OpaquePointer) {
        setColor(stroke.color, on: cr)
        cairo_set_line_width(cr, stroke.width)
        stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    func drawRect(_ item: RectItem, on cr: OpaquePointer) {
        let r = item.rect
        cairo_new_path(cr)
        if item.cornerRadius > 0 {
            // One cubic Bézier per corner (what cairo_arc makes of a quarter circle this small), without
            // its trigonometry: rounded cards cost about what square ones do, even 10,000 of them.
            let radius = min(item.cornerRadius, r.width / 2, r.height / 2)
            let k = radius * (1 - 0.5522847498)
            cairo_new_sub_path(cr)
            // Same path, start and direction as the four cairo_arc calls it replaces (dashes start alike).
            cairo_move_to(cr, r.maxX - radius, r.minY)
            cairo_curve_to(cr, r.maxX - k, r.minY, r.maxX, r.minY + k, r.maxX, r.minY + radius)
            cairo_line_to(cr, r.maxX, r.maxY - radius)
            cairo_curve_to(cr, r.maxX, r.maxY - k, r.maxX - k, r.maxY, r.maxX - radius, r.maxY)
            cairo_line_to(cr, r.minX + radius, r.maxY)
            cairo_curve_to(cr, r.minX + k, r.maxY, r.minX, r.maxY - k, r.minX, r.maxY - radius)
            cairo_line_to(cr, r.minX, r.minY + radius)
            cairo_curve_to(cr, r.minX, r.minY + k, r.minX + k, r.minY, r.minX + radius, r.minY)
            cairo_close_path(cr)
        } else {
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        }
        if let fill = item.fill {
            setColor(fill, on: cr)
            if item.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let line = item.stroke { stroke(line, on: cr) }
        cairo_new_path(cr)
    }

    func drawPath(_ item: PathItem, on cr: OpaquePointer) {
        cairo_new_path(cr)
        let dense = item.elements.count >= Self.denseFrom
        if dense, rasterShortcuts, item.fill == nil, let line = item.stroke, line.dash.isEmpty,
           let points = thinnedPolyline(item.elements, on: cr) {
            cairo_move_to(cr, points[0].x, points[0].y)
            for point in points.dropFirst() { cairo_line_to(cr, point.x, point.y) }
            strokeDense(line, on: cr)
            cairo_new_path(cr)
            return
        }
        for element in item.elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let c1, let c2, let p): cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
            case .arc(let center, let radius, let start, let end): cairo_arc(cr, center.x, center.y, radius, start, end)
            case .close: cairo_close_path(cr)
            }
        }
        if let fill = item.fill {
            setColor(fill, on: cr)
            if item.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let line = item.stroke {
            if dense { strokeDense(line, on: cr) } else { stroke(line, on: cr) }
        }
        cairo_new_path(cr)
    }

    /// Strokes a long polyline (a data series of thousands of points). Its corners are bevelled: a
    /// noisy series turns sharply at every point, and mitred corners overshoot each peak by up to
    /// ten half-widths (on a 10,000-point series, a tenth of the ink lay beyond the data); round
    /// ones by half a width, and their arcs took half of a 10,000-point chart's drawing. A bevel
    /// ends at the data. With `rasterShortcuts` it is rasterized with Cairo's fast antialiasing,
    /// 4 × 4 coverage samples a pixel instead of 256 × 15: its edges differ by a few levels of grey
    /// and its stroke costs half.
    private func strokeDense(_ line: Stroke, on cr: OpaquePointer) {
        if rasterShortcuts { cairo_set_antialias(cr, CAIRO_ANTIALIAS_FAST) }
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
        stroke(line, on: cr)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        if rasterShortcuts { cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT) }
    }

    /// Paths with at least this many elements are dense: bevelled corners, and in images the shortcuts
    /// below (see `strokeDense`).
    static let denseFrom = 1000
    /// Whether dense paths are stroked with fast antialiasing and dense polylines thinned to the
    /// points the pixels show (`PolylineThinning`): set for raster images only.
    var rasterShortcuts = false

    /// The thinned points of a polyline under the context's transform, or nil (not a polyline, or
    /// a transform that turns or skews).
    private func thinnedPolyline(_ elements: [PathElement], on cr: OpaquePointer) -> [Point]? {
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cr, &matrix)
        guard matrix.xy == 0, matrix.yx == 0, matrix.xx != 0 else { return nil }
        return PolylineThinning.points(elements, deviceX: (matrix.xx, matrix.x0))
    }

    func drawLink(_ item: LinkItem, on cr: OpaquePointer) {
        guard emitsTags else { return }
        let r = item.rect
        let rect = "rect=[\(r.x) \(r.y) \(r.width) \(r.height)]"
        let attributes: String
        switch item.target {
        case .uri(let uri): attributes = "\(rect) uri='\(Self.escape(uri))'"
        case .anchor(let name): attributes = "\(rect) dest='\(Self.escape(name))'"
        }
        structure?.link(contents: Self.contents(of: item), on: cr)
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
        cairo_tag_end(cr, CAIRO_TAG_LINK)
    }

    func drawAnchor(_ item: AnchorItem, on cr: OpaquePointer) {
        guard emitsTags else { return }
        let attributes = "name='\(Self.escape(item.name))' x=\(item.point.x) y=\(item.point.y)"
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes)
        cairo_tag_end(cr, CAIRO_TAG_DEST)
    }

    /// What a reader announces for a link: its text, else where it goes.
    static func contents(of item: LinkItem) -> String {
        let label = item.label.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        switch item.target {
        case .uri(let uri): return label.isEmpty ? uri : label
        case .anchor(let name): return label.isEmpty ? "Go to \(name)" : label
        }
    }

    /// Escapes a value for Cairo's tag attribute syntax (single-quoted strings), noncharacters left out.
    static func escape(_ raw: String) -> String {
        let value = CairoText.sanitized(raw)
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") }) else { return value }
        var escaped = ""
        for character in value {
            if character == "\\" || character == "'" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
