import CCairo

/// A decoded PNG as 8-bit RGBA pixels (straight alpha), for pixel comparisons and checks.
public struct RasterImage {
    public let width: Int
    public let height: Int
    /// Row-major RGBA bytes.
    public let pixels: [UInt8]

    /// Decodes the PNG at `path`; nil when it is missing or not a PNG.
    public init?(contentsOfPNG path: String) {
        guard let surface = try? CairoSurface(cairo_image_surface_create_from_png(path), what: "PNG") else { return nil }
        cairo_surface_flush(surface.pointer)
        let width = Int(cairo_image_surface_get_width(surface.pointer))
        let height = Int(cairo_image_surface_get_height(surface.pointer))
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        let format = cairo_image_surface_get_format(surface.pointer)
        guard let data = cairo_image_surface_get_data(surface.pointer), width > 0, height > 0 else { return nil }
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            let row = data.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: width) { $0 }
            for x in 0..<width {
                let value = row[x]
                var a = UInt32(255)
                if format == CAIRO_FORMAT_ARGB32 { a = (value >> 24) & 0xFF }
                var r = (value >> 16) & 0xFF, g = (value >> 8) & 0xFF, b = value & 0xFF
                if a > 0, a < 255 { r = r * 255 / a; g = g * 255 / a; b = b * 255 / a }
                let index = (y * width + x) * 4
                pixels[index] = UInt8(min(r, 255))
                pixels[index + 1] = UInt8(min(g, 255))
                pixels[index + 2] = UInt8(min(b, 255))
                pixels[index + 3] = UInt8(a)
            }
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// RGBA of one pixel.
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let index = (y * width + x) * 4
        return (pixels[index], pixels[index + 1], pixels[index + 2], pixels[index + 3])
    }
}
