import CCairo
import Folio
import Foundation

/// An editable RGB image for pixel tests: read from a PNG, changed in memory, written back as PNG.
///
/// The comparison tests use it to prove a check fails: blank part of a reference, shift it, and
/// compare again. Alpha is dropped: every image compared is on an opaque background.
public struct TestImage: Equatable {
    public let width: Int
    public let height: Int
    /// Row-major RGB bytes, three per pixel.
    public var rgb: [UInt8]

    public init(width: Int, height: Int, fill: UInt8 = 255) {
        self.width = width
        self.height = height
        rgb = [UInt8](repeating: fill, count: width * height * 3)
    }

    /// The PNG at `path` (composited over white), or nil when it is missing or unreadable.
    public init?(contentsOfPNG path: String) {
        guard let raster = RasterImage(contentsOfPNG: path) else { return nil }
        self.init(width: raster.width, height: raster.height)
        for index in 0..<(width * height) {
            let alpha = Int(raster.pixels[index * 4 + 3])
            for channel in 0..<3 {
                let value = Int(raster.pixels[index * 4 + channel])
                rgb[index * 3 + channel] = UInt8((value * alpha + 255 * (255 - alpha)) / 255)
            }
        }
    }

    /// The largest channel value of pixel (x, y) subtracted from white: 0 on paper, 255 on black ink.
    public func ink(x: Int, y: Int) -> Int {
        let index = (y * width + x) * 3
        return 255 - Int(min(rgb[index], rgb[index + 1], rgb[index + 2]))
    }

    public subscript(x: Int, y: Int, channel: Int) -> UInt8 {
        get { rgb[(y * width + x) * 3 + channel] }
        set { rgb[(y * width + x) * 3 + channel] = newValue }
    }

    /// A copy with the rectangle painted white (clipped to the image).
    public func blanking(x: Int, y: Int, width w: Int, height h: Int) -> TestImage {
        var copy = self
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                for channel in 0..<3 { copy[column, row, channel] = 255 }
            }
        }
        return copy
    }

    /// A copy moved by (dx, dy) whole pixels; uncovered pixels are white.
    public func shifted(dx: Int, dy: Int) -> TestImage {
        var copy = TestImage(width: width, height: height)
        for row in 0..<height {
            let source = row - dy
            guard source >= 0, source < height else { continue }
            for column in 0..<width {
                let from = column - dx
                guard from >= 0, from < width else { continue }
                for channel in 0..<3 { copy[column, row, channel] = self[from, source, channel] }
            }
        }
        return copy
    }

    /// The average of this image and `other`, pixel by pixel (a half-pixel move, as antialiasing makes it).
    public func blended(with other: TestImage) -> TestImage {
        var copy = self
        for index in rgb.indices { copy.rgb[index] = UInt8((Int(rgb[index]) + Int(other.rgb[index]) + 1) / 2) }
        return copy
    }

    /// Writes the image as an opaque PNG (through Cairo).
    public func writePNG(to path: String) throws {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for row in 0..<height {
            let line = data.advanced(by: row * stride).withMemoryRebound(to: UInt32.self, capacity: width) { $0 }
            for column in 0..<width {
                let index = (row * width + column) * 3
                line[column] = 0xFF00_0000 | UInt32(rgb[index]) << 16 | UInt32(rgb[index + 1]) << 8 | UInt32(rgb[index + 2])
            }
        }
        cairo_surface_mark_dirty(surface)
        guard cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The images side by side, a gap of `gap` grey pixels between them (for expected | actual | diff).
    public static func sideBySide(_ images: [TestImage], gap: Int = 4) -> TestImage {
        let height = images.map(\.height).max() ?? 0
        let width = images.map(\.width).reduce(0, +) + gap * max(0, images.count - 1)
        var out = TestImage(width: width, height: height, fill: 128)
        var left = 0
        for image in images {
            for row in 0..<image.height {
                let from = row * image.width * 3, to = (row * width + left) * 3
                out.rgb.replaceSubrange(to..<(to + image.width * 3), with: image.rgb[from..<(from + image.width * 3)])
            }
            left += image.width + gap
        }
        return out
    }
}
