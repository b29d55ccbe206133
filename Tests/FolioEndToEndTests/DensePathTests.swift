@testable import FolioCairo
import CCairo
import FolioDisplay
import FolioTestSupport
import XCTest

/// A polyline of thousands of points (a long data series) is thinned to the points its pixels
/// show and stroked with Cairo's fast antialiasing in images. The line must look the same as all of
/// its points at full quality: the same pixels inked, to within a pixel at its corners (a bevel
/// cuts a corner of the thinned line a little differently) and a few grey levels at its edges, and
/// the shortcuts must really take effect.
final class DensePathTests: XCTestCase {
    func testDenseLineLooksLikeTheFullQualityOne() throws {
        var generator = SeededRandom(seed: 14)
        var value = 150.0
        var elements: [PathElement] = []
        for index in 0..<4000 {
            value = min(280, max(20, value + Double(generator.next() % 2001) / 100 - 10))
            let point = Point(x: 20 + Double(index) * 0.11, y: value)
            elements.append(index == 0 ? .move(point) : .line(point))
        }
        XCTAssertGreaterThanOrEqual(elements.count, ItemPainter.denseFrom)
        let items: [DisplayItem] = [.path(PathItem(elements: elements, stroke: Stroke(color: Color(red: 0, green: 0.45, blue: 0.7), width: 1.6)))]
        let writer = ImageWriter(fonts: try FontEnvironment())
        let size = Size(width: 480, height: 300)
        let fast = try pixels(writer.drawPNG(items, size: size, dpi: 144, background: .white))
        let full = try pixels(writer.drawPNG(items, size: size, dpi: 144, background: .white, rasterShortcuts: false))
        XCTAssertEqual(fast.count, full.count)
        let width = Int((size.width * 2).rounded(.up))
        var largest = 0, total = 0, inkFast = 0, inkFull = 0, flipped = 0, stranded = 0
        /// Whether `image` has ink (red channel under 128 on the blue line) at `index` or a pixel next to it.
        func inkNear(_ image: [UInt8], _ index: Int) -> Bool {
            let x = index % width
            for dy in -1...1 {
                for dx in -1...1 where (0..<width).contains(x + dx) {
                    let near = index + dy * width + dx
                    if image.indices.contains(near), image[near] < 128 { return true }
                }
            }
            return false
        }
        for index in 0..<fast.count {
            let difference = abs(Int(fast[index]) - Int(full[index]))
            largest = max(largest, difference)
            total += difference
            inkFast += 255 - Int(fast[index])
            inkFull += 255 - Int(full[index])
            // Ink (under 60) in one, paper (over 195) in the other: a moved edge or corner, which
            // must have ink beside it in the other image (no gap in the line, nothing stray).
            if min(fast[index], full[index]) < 60, max(fast[index], full[index]) > 195 {
                flipped += 1
                if !inkNear(fast[index] < 60 ? full : fast, index) { stranded += 1 }
            }
        }
        XCTAssertGreaterThan(largest, 0, "the shortcuts were taken: some edge pixel differs")
        XCTAssertEqual(stranded, 0, "every pixel inked in one image has ink beside it in the other")
        XCTAssertLessThan(flipped, 20, "ink turns to paper only at a few corners (\(flipped) pixels)")
        XCTAssertLessThan(Double(total) / Double(fast.count), 2.0, "the mean difference is a fraction of a grey level")
        XCTAssertGreaterThan(inkFull, 20_000 * 255, "the line was drawn")
        XCTAssertLessThan(abs(inkFast - inkFull), inkFull / 50, "the line keeps its weight: its ink within 2%")
    }

    /// The surface's red channel, row by row (the line is drawn on white).
    private func pixels(_ surface: CairoSurface) throws -> [UInt8] {
        cairo_surface_flush(surface.pointer)
        let width = Int(cairo_image_surface_get_width(surface.pointer)), height = Int(cairo_image_surface_get_height(surface.pointer))
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        let data = try XCTUnwrap(cairo_image_surface_get_data(surface.pointer))
        var red: [UInt8] = []
        red.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width { red.append(data[y * stride + x * 4 + 2]) } // BGRA in memory (little-endian ARGB32)
        }
        return red
    }
}
