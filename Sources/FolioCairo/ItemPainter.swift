import CCairo
import CPangoCairo
import FolioDisplay

/// Draws display items on a Cairo context: the one place that turns the display list into ink.
final class ItemPainter {
    let fonts: FontEnvironment
    let builder: PangoLayoutBuilder
    private var images: [String: CairoSurface] = [:]
    /// Whether link and anchor items emit PDF tags (only PDF surfaces use them).
    let emitsTags: Bool

    init(fonts: FontEnvironment, emitsTags: Bool) {
        self.fonts = fonts
        self.builder = PangoLayoutBuilder(fonts: fonts)
        self.emitsTags = emitsTags
    }

    func draw(_ items: [DisplayItem], on cr: OpaquePointer) {
        for item in items { draw(item, on: cr) }
    }

    func draw(_ item: DisplayItem, on cr: OpaquePointer) {
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
            let radius = min(item.cornerRadius, r.width / 2, r.height / 2)
            cairo_new_sub_path(cr)
            cairo_arc(cr, r.maxX - radius, r.minY + radius, radius, -Double.pi / 2, 0)
            cairo_arc(cr, r.maxX - radius, r.maxY - radius, radius, 0, Double.pi / 2)
            cairo_arc(cr, r.minX + radius, r.maxY - radius, radius, Double.pi / 2, Double.pi)
            cairo_arc(cr, r.minX + radius, r.minY + radius, radius, Double.pi, 3 * Double.pi / 2)
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
        if let line = item.stroke { stroke(line, on: cr) }
        cairo_new_path(cr)
    }

    func drawImage(_ item: ImageItem, on cr: OpaquePointer) {
        guard let surface = image(at: item.path) else { return }
        let width = Double(cairo_image_surface_get_width(surface.pointer))
        let height = Double(cairo_image_surface_get_height(surface.pointer))
        guard width > 0, height > 0 else { return }
        cairo_save(cr)
        cairo_translate(cr, item.rect.x, item.rect.y)
        cairo_scale(cr, item.rect.width / width, item.rect.height / height)
        cairo_set_source_surface(cr, surface.pointer, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    func image(at path: String) -> CairoSurface? {
        if let cached = images[path] { return cached }
        if ImageBytes.provider != nil { let surface = ImageBytes.surface(for: path); images[path] = surface; return surface }
        guard let surface = try? CairoSurface(cairo_image_surface_create_from_png(path), what: "image '\(path)'") else { return nil }
        images[path] = surface
        return surface
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
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
        cairo_tag_end(cr, CAIRO_TAG_LINK)
    }

    func drawAnchor(_ item: AnchorItem, on cr: OpaquePointer) {
        guard emitsTags else { return }
        let attributes = "name='\(Self.escape(item.name))' x=\(item.point.x) y=\(item.point.y)"
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes)
        cairo_tag_end(cr, CAIRO_TAG_DEST)
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
