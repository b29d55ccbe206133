// ISODate(parsing:) reads bytes; it must accept and reject exactly what the rule says, which the
// reference below spells with Characters (split on "-", four digits then twos, spaces trimmed).
@testable import FolioModel
import XCTest

final class ISODateParsingTests: XCTestCase {
    /// The rule, written plainly: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in ASCII digits, years 1–9999, a real day.
    func reference(_ text: String) -> ISODate? {
        var slice = Substring(text)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        let parts = slice.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), (1...9999).contains(year) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) ?? 0 : 1
        let day = parts.count > 2 ? Int(parts[2]) ?? 0 : 1
        guard (1...12).contains(month), day >= 1, day <= ISODate.daysIn(month: month, year: year) else { return nil }
        return ISODate(year: year, month: month, day: day, precision: [.year, .month, .day][parts.count - 1])
    }

    func testRandomTextsParseAsTheRuleSays() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["0", "1", "2", "9", "-", " ", "12", "31", "29", "02", "2024", "1900", "2000", "0000", "x", "+", "٣", "２", "é", "\u{301}"]
        var accepted = 0
        for _ in 0..<50_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = reference(text)
            XCTAssertEqual(ISODate(parsing: text), expected, "'\(text)'")
            if expected != nil { accepted += 1 }
        }
        // Well-formed dates, most of them real, some impossible (the 30th of February, month 13).
        for _ in 0..<20_000 {
            let text = String(format: "%04d-%02d-%02d", Int.random(in: 0...2100, using: &generator),
                              Int.random(in: 0...13, using: &generator), Int.random(in: 0...32, using: &generator))
            let expected = reference(text)
            XCTAssertEqual(ISODate(parsing: text), expected, "'\(text)'")
            if expected != nil { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 10_000, "the random texts must include many real dates")
        XCTAssertEqual(ISODate(parsing: " 2024-02-29 "), ISODate(year: 2024, month: 2, day: 29))
        XCTAssertNil(ISODate(parsing: "2023-02-29"))
        XCTAssertEqual(ISODate(parsing: "2013")?.precision, .year)
    }
}
