import CCairo
import FolioDisplay

/// Drawing images: each decoded once per painter (a PDF's painter lives for the whole document,
/// so an image shown twice is decoded and embedded once).
extension ItemPainter {
    func drawImage(_ item: ImageItem, on cr: OpaquePointer) {
        let rect = item.rect
        guard rect.width > 0, rect.height > 0, rect.width.isFinite, rect.height.isFinite else { return }
        guard emitsTags, !imagesOnPage.insert(item.key).inserted else { return paintImage(item, on: cr) }
        // PDF, an image painted again on the same page: in a group of its own (a small form that
        // refers to the one shared image object). Cairo 1.16 lists an image painted twice on a page
        // twice among the page's resources, a dictionary with a duplicated key (qpdf --check warns).
        cairo_push_group(cr)
        paintImage(item, on: cr)
        cairo_pop_group_to_source(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    func paintImage(_ item: ImageItem, on cr: OpaquePointer) {
        let rect = item.rect
        switch decoded(item) {
        case .raster(let surface):
            let width = Double(cairo_image_surface_get_width(surface.pointer))
            let height = Double(cairo_image_surface_get_height(surface.pointer))
            guard width > 0, height > 0 else { return }
            cairo_save(cr)
            cairo_translate(cr, rect.x, rect.y)
            cairo_scale(cr, rect.width / width, rect.height / height)
            cairo_set_source_surface(cr, surface.pointer, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
            // Filled, not painted: Cairo 1.16 fails a page (a tag error at show_page) whose first
            // marked content is an unbounded paint.
            cairo_rectangle(cr, 0, 0, width, height)
            cairo_fill(cr)
            cairo_restore(cr)
        case .vector(let document):
            cairo_save(cr)
            // PDF: one recording, placed as often as the image is used; raster pages: drawn at their resolution.
            let drawn = emitsTags ? document.paintRecorded(in: rect, on: cr) : document.draw(in: rect, on: cr)
            cairo_restore(cr)
            if !drawn { drawUndecodable(rect, on: cr) }
        case nil:
            drawUndecodable(rect, on: cr)
        }
    }

    func decoded(_ item: ImageItem) -> DecodedImage? {
        if let cached = images[item.key] { return cached }
        guard let image = ImageDecoder.decode(item) else { return nil }
        images[item.key] = image
        return image
    }

    /// An image whose header looked right but whose data did not decode: a grey box with a cross.
    func drawUndecodable(_ rect: Rect, on cr: OpaquePointer) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_set_source_rgb(cr, 0.93, 0.93, 0.93)
        cairo_fill_preserve(cr)
        cairo_move_to(cr, rect.x, rect.y)
        cairo_line_to(cr, rect.maxX, rect.maxY)
        cairo_move_to(cr, rect.maxX, rect.y)
        cairo_line_to(cr, rect.x, rect.maxY)
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6)
        cairo_set_line_width(cr, 0.75)
        cairo_stroke(cr)
        cairo_restore(cr)
    }
}
