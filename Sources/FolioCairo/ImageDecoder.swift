import CCairo
import CPangoCairo
import FolioDisplay
import Foundation

/// An image decoded for drawing: raster pixels in a Cairo surface, or an SVG document drawn as vectors.
enum DecodedImage {
    case raster(CairoSurface)
    case vector(SVGDocument)
}

/// An SVG document parsed by librsvg, owned.
final class SVGDocument {
    let handle: OpaquePointer
    let library: ImageLibraries.SVG
    /// The document drawn once into a recording surface (for PDF: one form object for every use), and its size.
    private var recording: CairoSurface?
    private var recordedSize = Size(width: 0, height: 0)

    init(_ handle: OpaquePointer, library: ImageLibraries.SVG) {
        self.handle = handle
        self.library = library
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// Paints the document into `rect` from a recording made at the first use's size: a PDF then
    /// holds its drawing once, as a form, however often it is placed.
    func paintRecorded(in rect: Rect, on cr: OpaquePointer) -> Bool {
        if recording == nil {
            var extents = cairo_rectangle_t(x: 0, y: 0, width: rect.width, height: rect.height)
            guard let surface = try? CairoSurface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents), what: "a recording"),
                  let context = cairo_create(surface.pointer) else { return false }
            let drawn = draw(in: Rect(x: 0, y: 0, width: rect.width, height: rect.height), on: context)
            cairo_destroy(context)
            guard drawn else { return false }
            recording = surface
            recordedSize = Size(width: rect.width, height: rect.height)
        }
        guard let recording, recordedSize.width > 0, recordedSize.height > 0 else { return false }
        cairo_save(cr)
        cairo_translate(cr, rect.x, rect.y)
        cairo_scale(cr, rect.width / recordedSize.width, rect.height / recordedSize.height)
        cairo_rectangle(cr, 0, 0, recordedSize.width, recordedSize.height)
        cairo_clip(cr)
        cairo_set_source_surface(cr, recording.pointer, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
        return true
    }

    /// Draws the document scaled into `rect` (its aspect ratio kept, as its `preserveAspectRatio` says).
    func draw(in rect: Rect, on cr: OpaquePointer) -> Bool {
        let viewport = [rect.x, rect.y, rect.width, rect.height]
        var error: UnsafeMutablePointer<GError>?
        let drawn = viewport.withUnsafeBufferPointer { library.renderDocument(handle, cr, $0.baseAddress, &error) != 0 }
        if let error { g_error_free(error) }
        return drawn
    }
}

/// Decodes the images of the display list: PNG files through Cairo, other rasters through
/// gdk-pixbuf (JPEG, GIF, WebP where its loader is installed), SVG through librsvg.
///
/// A JPEG keeps its original bytes as the surface's MIME data, so the PDF embeds it as it is
/// (DCT, not re-encoded); every raster carries a unique id, so an image drawn on many pages is
/// embedded once.
enum ImageDecoder {
    static func decode(_ item: ImageItem) -> DecodedImage? {
        // An in-memory render names images it holds (`ImageBytes`); others are files.
        let provided = item.data == nil ? ImageBytes.provider?(item.path) : nil
        if item.data == nil, provided == nil, item.encoding == .png {
            guard let surface = try? CairoSurface(cairo_image_surface_create_from_png(item.path), what: "image") else { return nil }
            setUniqueID(item.key, of: surface)
            return .raster(surface)
        }
        if item.encoding == .svg { return svg(item, provided: provided).map(DecodedImage.vector) }
        guard let bytes = item.data?.bytes ?? provided ?? FileManager.default.contents(atPath: item.path),
              let surface = raster(bytes) else { return nil }
        if item.encoding == .jpeg { attach(bytes, as: CAIRO_MIME_TYPE_JPEG, to: surface) }
        setUniqueID(item.key, of: surface)
        return .raster(surface)
    }

    static func svg(_ item: ImageItem, provided: Data? = nil) -> SVGDocument? {
        guard let library = ImageLibraries.svg else { return nil }
        var error: UnsafeMutablePointer<GError>?
        defer { if let error { g_error_free(error) } }
        let handle: OpaquePointer?
        if let bytes = item.data?.bytes ?? provided {
            handle = bytes.withUnsafeBytes { raw in
                library.newFromData(raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), &error)
            }
        } else {
            handle = library.newFromFile(item.path, &error)
        }
        guard let handle else { return nil }
        library.setDPI(handle, 96)
        return SVGDocument(handle, library: library)
    }

    /// A raster's pixels decoded by gdk-pixbuf into a Cairo surface (premultiplied ARGB, or RGB when opaque).
    static func raster(_ bytes: Data) -> CairoSurface? {
        guard let library = ImageLibraries.pixbuf, let loader = library.loaderNew() else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(loader)) }
        var error: UnsafeMutablePointer<GError>?
        let written = bytes.withUnsafeBytes { raw in
            library.loaderWrite(loader, raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), &error) != 0
        }
        if let failure = error { g_error_free(failure); error = nil }
        let closed = library.loaderClose(loader, &error) != 0
        if let failure = error { g_error_free(failure) }
        guard written, closed, let pixbuf = library.loaderPixbuf(loader) else { return nil }
        return surface(of: pixbuf, library: library)
    }

    static func surface(of pixbuf: OpaquePointer, library: ImageLibraries.Pixbuf) -> CairoSurface? {
        let width = Int(library.width(pixbuf)), height = Int(library.height(pixbuf))
        let channels = Int(library.channels(pixbuf)), rowstride = Int(library.rowstride(pixbuf))
        let alpha = library.hasAlpha(pixbuf) != 0
        guard width > 0, height > 0, library.bitsPerSample(pixbuf) == 8, channels == (alpha ? 4 : 3),
              let pixels = library.readPixels(pixbuf),
              let surface = try? CairoSurface(cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                                                         Int32(width), Int32(height)), what: "an image")
        else { return nil }
        cairo_surface_flush(surface.pointer)
        guard let data = cairo_image_surface_get_data(surface.pointer) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        for y in 0..<height {
            let source = pixels.advanced(by: y * rowstride)
            let row = UnsafeMutableRawPointer(data.advanced(by: y * stride)).bindMemory(to: UInt32.self, capacity: width)
            for x in 0..<width {
                let p = source.advanced(by: x * channels)
                var r = UInt32(p[0]), g = UInt32(p[1]), b = UInt32(p[2])
                let a = alpha ? UInt32(p[3]) : 255
                if a < 255 { r = (r * a + 127) / 255; g = (g * a + 127) / 255; b = (b * a + 127) / 255 }
                row[x] = a << 24 | r << 16 | g << 8 | b
            }
        }
        cairo_surface_mark_dirty(surface.pointer)
        return surface
    }

    /// Gives `surface` MIME data (a copy of `bytes`, freed with the surface).
    static func attach(_ bytes: Data, as mimeType: String, to surface: CairoSurface) {
        guard !bytes.isEmpty, let copy = malloc(bytes.count) else { return }
        bytes.copyBytes(to: copy.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        if cairo_surface_set_mime_data(surface.pointer, mimeType, copy.assumingMemoryBound(to: UInt8.self), UInt(bytes.count),
                                       { free($0) }, copy) != CAIRO_STATUS_SUCCESS {
            free(copy)
        }
    }

    /// Names the surface's content so that a PDF embeds equal images once.
    static func setUniqueID(_ key: String, of surface: CairoSurface) {
        attach(Data(("folio-image:" + key).utf8), as: CAIRO_MIME_TYPE_UNIQUE_ID, to: surface)
    }
}
