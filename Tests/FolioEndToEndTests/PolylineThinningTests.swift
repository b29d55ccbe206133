@testable import FolioCairo
import CCairo
import FolioDisplay
import FolioTestSupport
import XCTest

/// `PolylineThinning` keeps, of each run of points in one pixel column, the first, the lowest, the
/// highest and the last, in order; dense lines have bevelled corners that stay within the data.
final class PolylineThinningTests: XCTestCase {
    func testThinnedPointsKeepEachColumnsEndsAndExtremesInOrder() throws {
        var generator = SeededRandom(seed: 21)
        for trial in 0..<200 {
            let count = 3 + Int(generator.next() % 3000)
            let step = Double(generator.next() % 1000) / 400 + 0.001   // from many points a pixel to a few pixels a point
            let scale = [1.0, 2.0, 150.0 / 72][trial % 3], offset = Double(generator.next() % 100) / 10
            var points: [Point] = []
            var x = 5.0, y = 100.0
            for _ in 0..<count {
                // Mostly forward, sometimes back: runs in a column need not be the column's only visit.
                x += generator.next() % 10 == 0 ? -step : step
                y += Double(generator.next() % 2001) / 100 - 10
                points.append(Point(x: x, y: y))
            }
            let elements = [PathElement.move(points[0])] + points.dropFirst().map { .line($0) }
            let kept = try XCTUnwrap(PolylineThinning.points(elements, deviceX: (scale, offset)))
            XCTAssertEqual(kept.first, points.first)
            XCTAssertEqual(kept.last, points.last)
            // A subsequence of the points, in their order.
            var next = 0
            for point in kept {
                guard let found = points[next...].firstIndex(of: point) else { return XCTFail("trial \(trial): a kept point is not an original one, in order") }
                next = found + 1
            }
            // Each run of points in one column: at most four kept, among them its first, last, lowest and highest.
            func column(_ p: Point) -> Double { (p.x * scale + offset).rounded(.down) }
            var runs: [[Point]] = []
            for point in points {
                if let last = runs.last?.last, column(last) == column(point) { runs[runs.count - 1].append(point) } else { runs.append([point]) }
            }
            var keptRuns: [[Point]] = []
            for point in kept {
                if let last = keptRuns.last?.last, column(last) == column(point) { keptRuns[keptRuns.count - 1].append(point) } else { keptRuns.append([point]) }
            }
            XCTAssertEqual(keptRuns.count, runs.count, "trial \(trial): every run keeps a point")
            for (run, keptRun) in zip(runs, keptRuns) {
                XCTAssertLessThanOrEqual(keptRun.count, 4)
                XCTAssertEqual(keptRun.first, run.first)
                XCTAssertEqual(keptRun.last, run.last)
                XCTAssertEqual(keptRun.map(\.y).min(), run.map(\.y).min())
                XCTAssertEqual(keptRun.map(\.y).max(), run.map(\.y).max())
            }
            if step < 0.1 { XCTAssertLessThan(kept.count, count / 2, "trial \(trial): many points a pixel thin out") }
        }
    }

    func testOnlyPlainPolylinesAreThinned() {
        let p = Point(x: 1, y: 1), q = Point(x: 2, y: 3)
        XCTAssertNil(PolylineThinning.points([.move(p), .line(q), .curve(p, q, p)], deviceX: (1, 0)))
        XCTAssertNil(PolylineThinning.points([.line(p), .line(q), .line(p)], deviceX: (1, 0)))
        XCTAssertNil(PolylineThinning.points([.move(p), .line(q), .close], deviceX: (1, 0)))
        XCTAssertNil(PolylineThinning.points([.move(p), .line(Point(x: .nan, y: 1)), .line(q)], deviceX: (1, 0)))
        XCTAssertNotNil(PolylineThinning.points([.move(p), .line(q), .line(p)], deviceX: (1, 0)))
    }

    /// A dense zigzag between y = 100 and y = 102, turning by 11° at each point: mitred corners at
    /// that angle reach about ten half-widths beyond the data; bevelled ones stay within half the
    /// line's width of it, in images with and without the shortcuts.
    func testDenseCornersStayWithinTheData() throws {
        var elements: [PathElement] = [.move(Point(x: 10, y: 100))]
        for index in 1..<2000 { elements.append(.line(Point(x: 10 + Double(index) * 0.2, y: index % 2 == 0 ? 100 : 102))) }
        let width = 2.0
        let items: [DisplayItem] = [.path(PathItem(elements: elements, stroke: Stroke(color: Color(red: 0, green: 0, blue: 0), width: width)))]
        let writer = ImageWriter(fonts: try FontEnvironment())
        for shortcuts in [true, false] {
            let surface = try writer.drawPNG(items, size: Size(width: 420, height: 200), dpi: 72, background: .white, rasterShortcuts: shortcuts)
            cairo_surface_flush(surface.pointer)
            let stride = Int(cairo_image_surface_get_stride(surface.pointer))
            let data = try XCTUnwrap(cairo_image_surface_get_data(surface.pointer))
            func rowHasInk(_ y: Int) -> Bool { (0..<420).contains { data[y * stride + $0 * 4] < 200 } }
            XCTAssertTrue(rowHasInk(101), "the zigzag was drawn")
            let margin = Int(width / 2) + 2
            XCTAssertFalse((0..<(100 - margin)).contains(where: rowHasInk), "no corner above the top of the data (shortcuts: \(shortcuts))")
            XCTAssertFalse(((102 + margin)..<200).contains(where: rowHasInk), "no corner below the bottom of the data (shortcuts: \(shortcuts))")
        }
    }
}
