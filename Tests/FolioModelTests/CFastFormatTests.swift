import CFastFormat
import XCTest

/// The folio programs format Cairo's PDF numbers themselves (`__snprintf_chk`, CFastFormat): every
/// "%.*f" and "%d" must be byte for byte what glibc writes, ties and truncated buffers included.
final class CFastFormatTests: XCTestCase {
    func fast(_ value: Double, _ precision: Int32, size: Int = 64) -> (Int32, String)? {
        var buffer = [CChar](repeating: 0x7F, count: 64)
        let length = folio_format_fixed(&buffer, size, precision, value)
        guard length != -2 else { return nil }
        return (length, size == 0 ? "" : String(cString: buffer))
    }

    func glibc(_ value: Double, _ precision: Int32, size: Int = 64) -> (Int32, String) {
        var buffer = [CChar](repeating: 0x7F, count: 64)
        let length = folio_format_fixed_glibc(&buffer, size, precision, value)
        return (length, size == 0 ? "" : String(cString: buffer))
    }

    func testFixedPointMatchesGlibcOnRandomValuesTiesAndEdges() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-300, -1e-300, 5e-324, 0.1, 0.05, 841.889764,
                                595.275591, 999999.9999995, 0.0000005, 0.00000049999999, 123456789012345.6, 999999999999999.9]
        for _ in 0..<200_000 {  // all magnitudes a PDF number takes, and beyond
            let exponent = Int.random(in: -24...14, using: &generator)
            let value = Double.random(in: 1..<10, using: &generator) * pow(10, Double(exponent))
            values.append(Bool.random(using: &generator) ? value : -value)
        }
        for _ in 0..<100_000 {  // exact binary fractions: ties at some precisions
            let value = Double(Int64.random(in: -1 << 40...1 << 40, using: &generator)) / Double(1 << Int.random(in: 1...40, using: &generator))
            values.append(value)
        }
        var compared = 0
        for (index, value) in values.enumerated() {
            for precision: Int32 in index < 20 ? Array(0...18) : [6, 18, Int32(index % 19)] {
                guard let mine = fast(value, precision) else {
                    XCTAssertTrue(abs(value) >= 1e15 || abs(value) * pow(10, Double(precision)) >= 1.8e19,
                                  "only values too large for 64 bits are left to glibc: \(value) at \(precision)")
                    continue
                }
                let theirs = glibc(value, precision)
                if mine != theirs {
                    XCTFail("\(value) at precision \(precision): \(mine) against glibc's \(theirs)")
                    return
                }
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 600_000)
        XCTAssertNil(fast(.nan, 6))
        XCTAssertNil(fast(.infinity, 6))
        XCTAssertNil(fast(1e300, 6))
    }

    func testShortBuffersAreCutAsSnprintfCutsThem() {
        for size in [0, 1, 2, 5, 9] {
            for value in [841.889764, -0.000123, 12.5] {
                XCTAssertEqual(fast(value, 6, size: size).map { "\($0.0) \($0.1)" }, "\(glibc(value, 6, size: size).0) \(glibc(value, 6, size: size).1)")
            }
        }
    }

    func testIntegersMatchDecimalText() {
        var generator = SystemRandomNumberGenerator()
        for value in [0, 1, -1, 9, 10, Int32.max, Int32.min] + (0..<10_000).map({ _ in Int32.random(in: .min ... .max, using: &generator) }) {
            var buffer = [CChar](repeating: 0, count: 16)
            let length = folio_format_int(&buffer, 16, value)
            XCTAssertEqual(String(cString: buffer), String(value))
            XCTAssertEqual(Int(length), String(value).count)
        }
    }
}
