@testable import FolioCairo
import CCairo
import Foundation
import FolioTestSupport
import XCTest

/// Images of 1 MiB or more are deflated in bands on several threads and joined into one zlib
/// stream. Read back by Cairo's own PNG reader (libpng, which checks every CRC and the stream's
/// Adler-32), the pixels must be the surface's, exactly; smaller images take the one-thread path.
final class BandedPNGTests: XCTestCase {
    /// A surface of `width` × `height` covered by random rectangles (some translucent), on white or clear.
    func surface(width: Int, height: Int, opaque: Bool, seed: UInt64) throws -> CairoSurface {
        let surface = try CairoSurface.image(width: width, height: height)
        let context = try XCTUnwrap(cairo_create(surface.pointer))
        defer { cairo_destroy(context) }
        if opaque {
            cairo_set_source_rgb(context, 1, 1, 1)
            cairo_paint(context)
        }
        var random = SeededRandom(seed: seed)
        func unit() -> Double { Double(random.next() % 10_001) / 10_000 }
        for _ in 0..<400 {
            cairo_set_source_rgba(context, unit(), unit(), unit(), 0.2 + 0.8 * unit())
            cairo_rectangle(context, unit() * Double(width), unit() * Double(height), unit() * 200, unit() * 120)
            cairo_fill(context)
        }
        cairo_surface_flush(surface.pointer)
        return surface
    }

    /// The file's pixels as Cairo reads them, premultiplied ARGB words, row by row.
    func readBack(_ path: String) throws -> (width: Int, height: Int, words: [UInt32]) {
        let image = try XCTUnwrap(cairo_image_surface_create_from_png(path))
        defer { cairo_surface_destroy(image) }
        XCTAssertEqual(cairo_surface_status(image), CAIRO_STATUS_SUCCESS, "libpng reads the file without error")
        return try words(of: image)
    }

    func words(of image: OpaquePointer) throws -> (width: Int, height: Int, words: [UInt32]) {
        let width = Int(cairo_image_surface_get_width(image)), height = Int(cairo_image_surface_get_height(image))
        let stride = Int(cairo_image_surface_get_stride(image))
        let data = try XCTUnwrap(cairo_image_surface_get_data(image))
        var words: [UInt32] = []
        words.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { words.append(row[x]) }
        }
        return (width, height, words)
    }

    /// The IDAT bytes of a PNG file, joined (the zlib stream).
    func zlibStream(_ path: String) throws -> [UInt8] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var stream: [UInt8] = [], at = 8
        while at + 8 <= bytes.count {
            let length = bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
            if bytes[(at + 4)..<(at + 8)].elementsEqual("IDAT".utf8) { stream += bytes[(at + 8)..<(at + 8 + length)] }
            at += 12 + length
        }
        return stream
    }

    /// Whether the stream holds a sync-flush mark (an empty stored block: 00 00 FF FF), where bands meet.
    func hasBandJoint(_ stream: [UInt8]) -> Bool {
        stream.indices.dropLast(3).contains { stream[$0] == 0 && stream[$0 + 1] == 0 && stream[$0 + 2] == 0xFF && stream[$0 + 3] == 0xFF }
    }

    func testOpaqueBandedImageReadsBackExactly() throws {
        // 1,300 × 900 RGB: 3.5 MB of scanlines, four bands.
        let surface = try surface(width: 1300, height: 900, opaque: true, seed: 7)
        let path = NSTemporaryDirectory() + "folio-banded-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try surface.writePNG(to: path, opaque: true)
        XCTAssertTrue(hasBandJoint(try zlibStream(path)), "the image was deflated in bands")
        let read = try readBack(path)
        let drawn = try words(of: surface.pointer)
        XCTAssertEqual(read.width, 1300)
        XCTAssertEqual(read.height, 900)
        // RGB files come back as opaque words: compare the colour bytes.
        let mismatches = zip(read.words, drawn.words).filter { $0 & 0xFF_FFFF != $1 & 0xFF_FFFF }.count
        XCTAssertEqual(mismatches, 0, "every pixel survives the banded encoding")
    }

    func testTranslucentBandedImageReadsBackWithinRounding() throws {
        let surface = try surface(width: 900, height: 700, opaque: false, seed: 8)   // RGBA: 2.5 MB, four bands
        let path = NSTemporaryDirectory() + "folio-banded-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try surface.writePNG(to: path, opaque: false)
        XCTAssertTrue(hasBandJoint(try zlibStream(path)), "the image was deflated in bands")
        let read = try readBack(path)
        let drawn = try words(of: surface.pointer)
        var largest: UInt32 = 0
        for (a, b) in zip(read.words, drawn.words) {
            XCTAssertEqual(a >> 24, b >> 24, "alpha is kept exactly")
            for shift: UInt32 in [0, 8, 16] {
                let x = (a >> shift) & 0xFF, y = (b >> shift) & 0xFF
                largest = max(largest, x > y ? x - y : y - x)
            }
        }
        XCTAssertLessThanOrEqual(largest, 1, "un-premultiplied and premultiplied again, a channel moves by at most one")
    }

    func testSmallImageTakesOneStreamAndReadsBack() throws {
        let surface = try surface(width: 300, height: 200, opaque: true, seed: 9)
        let path = NSTemporaryDirectory() + "folio-small-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try surface.writePNG(to: path, opaque: true)
        XCTAssertFalse(hasBandJoint(try zlibStream(path)), "a small image is one stream, without band joints")
        let read = try readBack(path), drawn = try words(of: surface.pointer)
        XCTAssertEqual(zip(read.words, drawn.words).filter { $0 & 0xFF_FFFF != $1 & 0xFF_FFFF }.count, 0)
    }

    /// A sink that fails part-way through a banded image: an error, no crash, nothing leaked to a file.
    func testFailingSinkEndsTheBandedWriteWithAnError() throws {
        let surface = try surface(width: 1300, height: 900, opaque: true, seed: 10)
        let memory = MemorySink()
        XCTAssertThrowsError(try surface.writePNG(to: FailingSink(wrapping: memory, failingAfter: 1000), opaque: true))
    }
}
