@testable import FolioLayout
import XCTest

/// Table columns sized like CSS automatic table layout, from minimum and maximum content widths.
final class TableWidthTests: XCTestCase {
    func testColumnsAtMaximumWhenTheyFit() {
        let widths = BlockFlow.distribute(minimum: [20, 30], maximum: [50, 100], available: 300)
        XCTAssertEqual(widths.reduce(0, +), 300, accuracy: 0.001)
        XCTAssertEqual(widths[0] / widths[1], 0.5, accuracy: 0.001, "spare width shared in proportion")
    }

    func testShortColumnsStayWholeWhileLongOnesWrap() {
        // A name, a long description and a one-word column in 300 points.
        let widths = BlockFlow.distribute(minimum: [40, 90, 45], maximum: [50, 900, 48], available: 300)
        XCTAssertEqual(widths[0], 50, accuracy: 0.001, "the short column keeps its whole content")
        XCTAssertEqual(widths[2], 48, accuracy: 0.001)
        XCTAssertEqual(widths[1], 202, accuracy: 0.001, "the long column takes the rest and wraps")
    }

    func testNoColumnBelowItsLongestWordWhenAllFit() {
        let minimum = [60.0, 80, 70], maximum = [400.0, 500, 300]
        let widths = BlockFlow.distribute(minimum: minimum, maximum: maximum, available: 400)
        XCTAssertEqual(widths.reduce(0, +), 400, accuracy: 0.001)
        for (width, least) in zip(widths, minimum) { XCTAssertGreaterThanOrEqual(width, least) }
    }

    func testTooNarrowTablesShareTheirMinimums() {
        let widths = BlockFlow.distribute(minimum: [100, 300], maximum: [200, 600], available: 200)
        XCTAssertEqual(widths, [50, 150])
    }
}
