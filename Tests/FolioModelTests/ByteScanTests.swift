@testable import FolioModel
import FolioTestSupport
import XCTest

/// The byte scans over a string's buffer answer as the scans over `String.UTF8View` they replaced.
final class ByteScanTests: XCTestCase {
    /// Random texts from the bytes the scans look for, with multi-byte characters among them.
    static func randomTexts(count: Int) -> [String] {
        var generator = SeededRandom(seed: 11)
        let pieces = ["{", "}", "{#", "{{", "{%", "%}", "#", "%", "a", "Z", "9", " ", "-", "_", ":", ".", "é", "漢", "\n", "&", "x"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    func testTagScanMatchesTheCharacterByCharacterScan() {
        var tagged = 0
        for text in Self.randomTexts(count: 20_000) {
            XCTAssertEqual(TemplateScanner.hasTags(text), Self.referenceHasTags(text), "\"\(text)\"")
            if Self.referenceHasTags(text) { tagged += 1 }
        }
        XCTAssertGreaterThan(tagged, 1_000, "both answers occur")
        XCTAssertFalse(TemplateScanner.hasTags("# A {#a}\n## B {#b-2 .wide}\n"))
        XCTAssertTrue(TemplateScanner.hasTags("x {"  + "{ y }}"))
        XCTAssertFalse(TemplateScanner.hasTags("ends with {"))
    }

    func testNonASCIIAndByteScans() {
        for text in Self.randomTexts(count: 5_000) {
            XCTAssertEqual(Characters.nonASCII(in: text), Set(text.unicodeScalars.map(\.value).filter { $0 >= 0x80 }))
            XCTAssertEqual(ByteScan.contains(UInt8(ascii: "&"), in: text), text.utf8.contains(UInt8(ascii: "&")))
            XCTAssertEqual(ByteScan.hasNonASCII(text), text.unicodeScalars.contains { !$0.isASCII })
            let tabbed = text.replacingOccurrences(of: "x", with: "\t")
            XCTAssertEqual(ByteScan.hasTabOrDoubleSpace(tabbed), tabbed.contains("\t") || tabbed.contains("  "), "\"\(tabbed)\"")
        }
    }

    /// What `hasTags` answers, by its definition: a `{` followed by `{` or `%`, or by a `#` that does
    /// not open a heading attribute (names, digits, `-_:.` and inner spaces up to the first `}`).
    static func referenceHasTags(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let nameBytes = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:. ".utf8)
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{") else { index += 1; continue }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "{") || next == UInt8(ascii: "%") { return true }
            guard next == UInt8(ascii: "#") else { index += 1; continue }
            guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else { return true }
            let name = bytes[(index + 2)..<close]
            guard let first = name.first, let last = name.last, first != UInt8(ascii: " "), last != UInt8(ascii: " "),
                  name.allSatisfy({ $0 >= 0x80 || nameBytes.contains($0) }) else { return true }
            index = close + 1
        }
        return false
    }
}
