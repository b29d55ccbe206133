import CCairo
import FolioDisplay

/// Writes pages or drawings as PNG (at a resolution) or SVG files.
public struct ImageWriter {
    public enum Background: Sendable { case white, transparent }

    /// The most pixels one PNG may have (bounds memory for huge pages or scales).
    public static let maximumPixels = 120_000_000

    let fonts: FontEnvironment

    public init(fonts: FontEnvironment) { self.fonts = fonts }

    /// A PNG of `items` on a `size`-point canvas at `dpi` (72 dpi = 1 pixel per point).
    public func writePNG(_ items: [DisplayItem], size: Size, dpi: Double, background: Background = .white, to path: String) throws {
        try drawPNG(items, size: size, dpi: dpi, background: background).writePNG(to: path, opaque: background == .white, dpi: dpi)
    }

    /// A PNG of `items` streamed into `sink`.
    public func writePNG(_ items: [DisplayItem], size: Size, dpi: Double, background: Background = .white, to sink: ByteSink) throws {
        try drawPNG(items, size: size, dpi: dpi, background: background).writePNG(to: sink, opaque: background == .white, dpi: dpi)
    }

    /// The largest width or height of an image Cairo can make, in pixels.
    public static let maximumSide = 32_767

    /// The image of `items`, drawn (not yet encoded).
    /// `rasterShortcuts`: dense paths are stroked with fast antialiasing and thinned to the points
    /// the pixels show (`ItemPainter.strokeDense`; tests compare them off).
    func drawPNG(_ items: [DisplayItem], size: Size, dpi: Double, background: Background,
                 rasterShortcuts: Bool = true) throws -> CairoSurface {
        let scale = dpi / 72
        let width = max(1, Int((size.width * scale).rounded(.up))), height = max(1, Int((size.height * scale).rounded(.up)))
        guard width * height <= Self.maximumPixels else {
            throw RenderError.io("a \(width)×\(height) pixel image is larger than the \(Self.maximumPixels)-pixel limit; lower --dpi or --scale")
        }
        guard width <= Self.maximumSide, height <= Self.maximumSide else {
            throw RenderError.io("a \(width)×\(height) pixel image is wider or taller than \(Self.maximumSide) pixels (Cairo's limit); lower --dpi or --scale")
        }
        let surface = try CairoSurface.image(width: width, height: height)
        let context = try CairoContext(surface)
        let cr = context.pointer
        if background == .white {
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
        }
        cairo_scale(cr, scale, scale)
        let painter = ItemPainter(fonts: fonts, emitsTags: false)
        painter.rasterShortcuts = rasterShortcuts
        painter.draw(items, on: cr)
        try context.check()
        return surface
    }

    /// An SVG of `items` on a `size`-point canvas.
    public func writeSVG(_ items: [DisplayItem], size: Size, background: Background = .white, to path: String) throws {
        try drawSVG(items, size: size, background: background, on: CairoSurface.svg(path: path, size: Size2(width: size.width, height: size.height)))
    }

    /// An SVG of `items` streamed into `sink`; with a `description` (alternative text), the root
    /// element starts with `<title>` and `<desc>`.
    public func writeSVG(_ items: [DisplayItem], size: Size, background: Background = .white,
                         title: String? = nil, description: String? = nil, to sink: ByteSink) throws {
        guard let description else {
            return try drawSVG(items, size: size, background: background, on: CairoSurface.svg(sink: sink, size: Size2(width: size.width, height: size.height)))
        }
        let described = SVGDescriptionSink(sink, title: title ?? description, description: description)
        try drawSVG(items, size: size, background: background, on: CairoSurface.svg(sink: described, size: Size2(width: size.width, height: size.height)))
        try described.flush()
    }

    private func drawSVG(_ items: [DisplayItem], size: Size, background: Background, on surface: CairoSurface) throws {
        do {
            let context = try CairoContext(surface)
            if background == .white {
                cairo_set_source_rgb(context.pointer, 1, 1, 1)
                cairo_paint(context.pointer)
            }
            ItemPainter(fonts: fonts, emitsTags: false).draw(items, on: context.pointer)
            try context.check()
        }
        try surface.finish()
    }

    /// A one-page PDF of `items` on a `size`-point canvas (a chart alone).
    public func writePDF(_ items: [DisplayItem], size: Size, metadata: PDFMetadata, background: Background = .white,
                         to path: String) throws {
        try drawPDF(items, size: size, background: background, with: PDFWriter(path: path, firstPageSize: size, metadata: metadata, fonts: fonts))
    }

    /// A one-page PDF of `items` streamed into `sink`; with `alt`, the drawing is a tagged Figure with that text.
    public func writePDF(_ items: [DisplayItem], size: Size, metadata: PDFMetadata, background: Background = .white,
                         alt: String? = nil, to sink: ByteSink) throws {
        let tagged = alt.map { DisplayItem.tagged(StructureElement(.figure, alt: $0), items) } ?? items
        try drawPDF(tagged, size: size, background: background, with: PDFWriter(sink: sink, firstPageSize: size, metadata: metadata, fonts: fonts))
    }

    private func drawPDF(_ items: [DisplayItem], size: Size, background: Background, with writer: PDFWriter) throws {
        var drawn = items
        if background == .white {
            drawn.insert(.rect(RectItem(rect: Rect(x: 0, y: 0, width: size.width, height: size.height), fill: .white)), at: 0)
        }
        try writer.add(Page(number: 1, size: size, items: drawn))
        try writer.finish()
    }
}
