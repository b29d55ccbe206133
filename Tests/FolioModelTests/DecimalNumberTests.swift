@testable import FolioModel
import FolioTestSupport
import XCTest

/// The fast reading of data cells gives bit for bit what `Double(text)` gives, on every form a
/// cell can take: random plain decimals around the limits of the fast path, and the odd ones.
final class DecimalNumberTests: XCTestCase {
    func testAgreesWithDoubleOnRandomDecimals() {
        var random = SeededRandom(seed: 2026)
        var fast = 0
        for _ in 0..<100_000 {
            let integerDigits = Int.random(in: 0...17, using: &random)
            let fractionDigits = Int.random(in: 0...24, using: &random)
            var text = Bool.random(using: &random) ? "-" : ""
            if Int.random(in: 0..<20, using: &random) == 0 { text = "+" }
            text += String((0..<integerDigits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            if fractionDigits > 0 || Int.random(in: 0..<10, using: &random) == 0 {
                text += "." + String((0..<fractionDigits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            }
            check(text)
            if text.utf8.withContiguousStorageIfAvailable({ DecimalNumber.fastPath($0) }) != nil { fast += 1 }
        }
        XCTAssertGreaterThan(fast, 30_000, "most of these take the fast path")
    }

    func testAgreesWithDoubleOnOddForms() {
        for text in ["", "-", "+", ".", "-.", ".5", "5.", "+5", "-0", "0", "00012.500", "-0.0", "1e5", "1E-3", " 5", "5 ",
                     "--5", "1.2.3", "inf", "-inf", "nan", "0x1p3", "1_000", "1,5", "٣", "999999999999999", "9999999999999999",
                     "0.0000000000000000000001", "0.00000000000000000000001", "123456789012345.6", "12345678901234.56",
                     "9007199254740993", "0.1", "0.3", "2.675", "1.005", "-992.14", "1000000000000000000000000"] {
            check(text)
        }
        XCTAssertEqual(DecimalNumber.parse("992.14"), 992.14)
        XCTAssertNil(DecimalNumber.parse("12 apples"))
    }

    private func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = Double(text), actual = DecimalNumber.parse(text)
        XCTAssertEqual(actual?.bitPattern, expected?.bitPattern, "'\(text)': \(String(describing: actual)) vs Double's \(String(describing: expected))",
                       file: file, line: line)
    }
}
