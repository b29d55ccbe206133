import CCairo
import CPNG

/// A Cairo surface, owned; `finish()` flushes it and reports write errors.
public final class CairoSurface {
    let pointer: OpaquePointer
    /// The sink a stream surface writes to (kept alive as long as the surface, which may write in `deinit`).
    fileprivate var bridge: SinkBridge?
    /// The memory a PDF surface writes into (kept alive as long as the surface, likewise).
    private var memory: CairoMemoryStream?

    init(_ pointer: OpaquePointer?, what: String) throws {
        guard let pointer else { throw RenderError.cairo("cannot create \(what)") }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw RenderError.cairo("cannot create \(what): \(String(cString: cairo_status_to_string(status)))")
        }
        self.pointer = pointer
    }

    /// A PDF surface writing to `path`, first page `size` in points.
    static func pdf(path: String, size: Size2) throws -> CairoSurface {
        try CairoSurface(cairo_pdf_surface_create(path, size.width, size.height), what: "PDF '\(path)'")
    }

    /// A PDF surface writing to `sink`, first page `size` in points.
    static func pdf(sink: ByteSink, size: Size2) throws -> CairoSurface {
        let bridge = SinkBridge(sink)
        let surface = try CairoSurface(cairo_pdf_surface_create_for_stream(SinkBridge.callback, bridge.closure, size.width, size.height),
                                       what: "a PDF")
        surface.bridge = bridge
        return surface
    }

    /// A PDF surface writing into `stream`, first page `size` in points (the surface keeps `stream` alive).
    static func pdf(stream: CairoMemoryStream, size: Size2) throws -> CairoSurface {
        let surface = try CairoSurface(cairo_pdf_surface_create_for_stream(folio_memory_stream_write, stream.pointer, size.width, size.height),
                                       what: "a PDF")
        surface.memory = stream
        return surface
    }

    /// An SVG surface writing to `sink`, sized in points.
    static func svg(sink: ByteSink, size: Size2) throws -> CairoSurface {
        let bridge = SinkBridge(sink)
        let surface = try CairoSurface(cairo_svg_surface_create_for_stream(SinkBridge.callback, bridge.closure, size.width, size.height),
                                       what: "an SVG")
        surface.bridge = bridge
        cairo_svg_surface_set_document_unit(surface.pointer, CAIRO_SVG_UNIT_PT)
        return surface
    }

    /// An SVG surface writing to `path`, sized in points.
    static func svg(path: String, size: Size2) throws -> CairoSurface {
        let surface = try CairoSurface(cairo_svg_surface_create(path, size.width, size.height), what: "SVG '\(path)'")
        cairo_svg_surface_set_document_unit(surface.pointer, CAIRO_SVG_UNIT_PT)
        return surface
    }

    /// An ARGB image of `width` × `height` pixels (bounded by the caller).
    static func image(width: Int, height: Int) throws -> CairoSurface {
        try CairoSurface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)), what: "a \(width)×\(height) image")
    }

    /// Completes the surface's output; throws when writing failed.
    func finish() throws {
        cairo_surface_finish(pointer)
        bridge?.flush()
        try check()
    }

    /// Throws when drawing or writing failed; a sink's own error (naming the output) comes first.
    func check() throws {
        if let failure = bridge?.failure { throw failure }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(String(cString: cairo_status_to_string(status))) }
    }

    /// Writes an image surface as PNG with fast compression (zlib level 3, no row filter):
    /// several times faster than Cairo's own writer, and for pages of text smaller files too.
    func writePNG(to path: String, opaque: Bool, dpi: Double = 0) throws {
        cairo_surface_flush(pointer)
        guard let data = cairo_image_surface_get_data(pointer) else { throw RenderError.io("cannot write PNG '\(path)'") }
        let status = folio_png_write(path, data, cairo_image_surface_get_width(pointer), cairo_image_surface_get_height(pointer),
                                     cairo_image_surface_get_stride(pointer), opaque ? 0 : 1, 3, Self.pixelsPerMetre(dpi))
        guard status == 0 else { throw RenderError.io("cannot write PNG '\(path)'") }
    }

    /// Writes an image surface as PNG (as `writePNG(to:opaque:)`) into `sink`.
    func writePNG(to sink: ByteSink, opaque: Bool, dpi: Double = 0) throws {
        cairo_surface_flush(pointer)
        guard let data = cairo_image_surface_get_data(pointer) else { throw RenderError.io("cannot encode a PNG") }
        let bridge = SinkBridge(sink)
        let status = folio_png_write_fn({ closure, bytes, length in
            guard let closure else { return -1 }
            return Unmanaged<SinkBridge>.fromOpaque(closure).takeUnretainedValue().write(bytes, length) ? 0 : -1
        }, bridge.closure, data, cairo_image_surface_get_width(pointer), cairo_image_surface_get_height(pointer),
           cairo_image_surface_get_stride(pointer), opaque ? 0 : 1, 3, Self.pixelsPerMetre(dpi))
        bridge.flush()
        if let failure = bridge.failure { throw failure }
        guard status == 0 else { throw RenderError.io("cannot encode a PNG") }
    }

    /// A resolution in dots per inch as PNG's pixels per metre (0 when unknown).
    static func pixelsPerMetre(_ dpi: Double) -> UInt32 {
        guard dpi.isFinite, dpi > 0, dpi < 100_000 else { return 0 }
        return UInt32((dpi / 0.0254).rounded())
    }

    deinit { cairo_surface_destroy(pointer) }
}

/// A size in points, for surface creation.
struct Size2 {
    var width: Double
    var height: Double
}

/// A Cairo drawing context on a surface, owned.
final class CairoContext {
    let pointer: OpaquePointer
    let surface: CairoSurface

    init(_ surface: CairoSurface) throws {
        guard let context = cairo_create(surface.pointer) else { throw RenderError.cairo("cannot create a context") }
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(context)
            throw RenderError.cairo(String(cString: cairo_status_to_string(status)))
        }
        self.pointer = context
        self.surface = surface
    }

    /// Throws when drawing failed (Cairo then ignores everything drawn after).
    func check() throws {
        if let failure = surface.bridge?.failure { throw failure }
        let status = cairo_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(String(cString: cairo_status_to_string(status))) }
    }

    deinit { cairo_destroy(pointer) }
}
