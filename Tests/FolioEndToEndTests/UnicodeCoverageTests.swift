import Folio
import FolioTestSupport
import Foundation
import XCTest

/// No character is lost silently: emoji draw at text size and stay in the PDF's text layer,
/// noncharacters do not stop the render, and a character no font has is a positioned warning.
final class UnicodeCoverageTests: XCTestCase {
    func testEmojiDrawAtTextSizeAndStayInTheTextLayer() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try RightToLeftTests.smallDocument("Status ✅ done 😬", in: folder)
        let pdf = folder.appendingPathComponent("doc.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains("warning"), run.stderr)
        // The whole line, emoji included, in order (they used to take the line out of the text layer).
        XCTAssertEqual(try TestSupport.pdfText(pdf), "Status ✅ done 😬")

        // In pixels: colour (the emoji) at about the height of 11-point text, not ten times it.
        let dpi = 144.0
        let png = try TestSupport.folio(["render", source, "--format", "png", "--dpi", "\(Int(dpi))", "-o", folder.path])
        XCTAssertEqual(png.status, 0, png.stderr)
        let image = try XCTUnwrap(RasterImage(contentsOfPNG: folder.appendingPathComponent("doc-001.png").path))
        let colour = try XCTUnwrap(Self.colourBounds(image), "no emoji drawn")
        let em = 11 * dpi / 72
        XCTAssertGreaterThan(Double(colour.height), em * 0.6)
        XCTAssertLessThan(Double(colour.height), em * 1.6)
        XCTAssertLessThan(Double(colour.width), em * 6, "two emoji and a word between them")

        // SVG: the emoji images are drawn at text size too (a 109-pixel strike drawn unscaled
        // would be ten times the 11-point text).
        let svg = try TestSupport.folio(["render", source, "--format", "svg", "-o", folder.path])
        XCTAssertEqual(svg.status, 0, svg.stderr)
        let markup = try String(contentsOfFile: folder.appendingPathComponent("doc-001.svg").path, encoding: .utf8)
        let sizes = markup.matches(of: #/<image[^>]* width="([0-9.]+)" height="([0-9.]+)"/#).compactMap { Double($0.output.1) }
        XCTAssertEqual(sizes.count, 2, "one image per emoji")
        for size in sizes { XCTAssertTrue((5...22).contains(size), "emoji image \(size) points wide") }
    }

    func testNoncharactersDoNotStopTheRender() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        // U+FDD0, U+FFFE and U+10FFFF in a heading (the PDF outline), a paragraph and a link.
        // (Swift string literals cannot spell noncharacters.)
        func scalar(_ value: UInt32) -> String { Unicode.Scalar(value).map { String(Character($0)) } ?? "" }
        let fdd0 = scalar(0xFDD0), fffe = scalar(0xFFFE), last = scalar(0x10FFFF)
        let source = try TestSupport.write("# Head \(fdd0) one\n\nx \(fdd0) y \(fffe) z [link \(fdd0)](https://example.com/\(fdd0)) \(last) w\n",
                                           to: "doc.md", in: folder)
        XCTAssertEqual(try String(contentsOfFile: source, encoding: .utf8).unicodeScalars.filter { $0.value == 0xFDD0 }.count, 4)
        for format in ["pdf", "png", "svg"] {
            let output = folder.appendingPathComponent(format == "pdf" ? "doc.pdf" : "out-\(format)").path
            let run = try TestSupport.folio(["render", source, "--format", format, "-o", output])
            XCTAssertEqual(run.status, 0, "\(format): \(run.stderr)")
        }
        // (-raw: the undrawn noncharacters leave gaps that pdftotext's layout mode reads as columns.)
        let raw = try TestSupport.run(["pdftotext", "-raw", "-enc", "UTF-8", folder.appendingPathComponent("doc.pdf").path, "-"])
        let text = TestSupport.normalized(raw.stdout)
        XCTAssertTrue(text.contains("x y z link w"), text)
        XCTAssertTrue(text.contains("Head one"), text)
    }

    func testCharacterNoFontHasIsAPositionedWarning() throws {
        // U+E000 (private use) and U+11F00 (Kawi): no installed font has them.
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try TestSupport.write("---\ntitle: T\n---\n# T\n\nA \u{E000} and\n  then \u{11F00} 😬.\n", to: "doc.md", in: folder)
        let pdf = folder.appendingPathComponent("doc.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("doc.md:6:3: warning: no installed font can draw U+E000"), run.stderr)
        XCTAssertTrue(run.stderr.contains("doc.md:7:8: warning: no installed font can draw U+11F00"), run.stderr)
        XCTAssertTrue(run.stderr.contains("note: install a font"), run.stderr)
        XCTAssertFalse(run.stderr.contains("U+1F62C"), "the emoji font has it")
        // `folio check` warns the same way, without writing.
        let check = try TestSupport.folio(["check", source])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue((check.stderr + check.stdout).contains("doc.md:6:3: warning: no installed font can draw U+E000"))
    }

    func testEmojiHintNamesTheEmojiFontPackage() {
        XCTAssertTrue(UndrawableCharacters.hint(for: 0x1F62C).contains("fonts-noto-color-emoji"))
    }

    /// The bounding box of strongly coloured (not grey) pixels.
    static func colourBounds(_ image: RasterImage) -> (width: Int, height: Int)? {
        var minX = Int.max, maxX = Int.min, minY = Int.max, maxY = Int.min
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image.pixel(x: x, y: y)
                let channels = [Int(p.r), Int(p.g), Int(p.b)]
                guard (channels.max() ?? 0) - (channels.min() ?? 0) > 80 else { continue }
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        return minX <= maxX ? (maxX - minX + 1, maxY - minY + 1) : nil
    }
}
