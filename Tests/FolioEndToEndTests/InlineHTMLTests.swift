import Folio
import FolioTestSupport
import Foundation
import XCTest

/// Raw HTML end to end: honoured tags keep their text (and look), `<br>` breaks lines in table
/// cells, block HTML keeps its text and never leaves an empty page.
final class InlineHTMLTests: XCTestCase {
    func render(_ body: String) throws -> (folder: URL, run: TestSupport.Run, text: String) {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write("page: { size: A5 }\ncover: false\ntoc: false\n", to: "Layouts/plain.yaml", in: folder)
        try TestSupport.write("---\ntitle: HTML\nlayout: plain\n---\n\n" + body, to: "brief.md", in: folder)
        let run = try TestSupport.folio(["render", "brief.md", "-o", "out.pdf"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let raw = try TestSupport.run(["pdftotext", "-enc", "UTF-8", folder.appendingPathComponent("out.pdf").path, "-"]).stdout
        return (folder, run, raw)
    }

    func testHonouredTagsKeepTheirText() throws {
        let (folder, run, text) = try render("Line one<br>line two, <code>run()</code>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, "
                                             + "E=mc<sup>2</sup>, <b>bold</b> <i>italic</i> <u>under</u> <mark>marked</mark> "
                                             + "<a href=\"https://example.org/x\">a link</a>.\n")
        XCTAssertEqual(run.stderr, "", "honoured tags give no warning")
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(lines.contains("Line one"), text)
        let normalized = TestSupport.normalized(text)
        XCTAssertTrue(normalized.contains("line two, run(), Ctrl+C, H2O, E=mc2, bold italic under marked a link."), normalized)
        // <code> and <kbd> are set in the monospaced font; <b> in bold.
        let fonts = try TestSupport.run(["pdffonts", folder.appendingPathComponent("out.pdf").path]).stdout
        XCTAssertTrue(fonts.contains("Mono"), fonts)
        XCTAssertTrue(fonts.contains("Bold"), fonts)
        let qdf = try TestSupport.run(["qpdf", "--qdf", "--object-streams=disable", folder.appendingPathComponent("out.pdf").path, "-"])
        XCTAssertTrue(qdf.stdout.contains("https://example.org/x"), "the <a href> is a link")
    }

    func testBreakInTableCellsSeparatesWords() throws {
        let (_, _, text) = try render("| Name | Contact |\n|---|---|\n| Ada<br>Lovelace | Slack<br>Email |\n")
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertFalse(text.contains("AdaLovelace"), text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Ada") && !$0.contains("Lovelace") }, text)
        XCTAssertTrue(lines.contains { $0.contains("Lovelace") }, text)
    }

    func testBlockHTMLKeepsTextAndLeavesNoEmptyPage() throws {
        let (folder, run, text) = try render("# Title\n\n<div align=\"center\">\n  <b>Centred</b> words\n</div>\n\n<div></div>\n\n"
                                             + "<details>\n<summary>Show more</summary>\n\nHidden text.\n\n</details>\n\nAfter.\n")
        XCTAssertEqual(run.stderr, "")
        let normalized = TestSupport.normalized(text)
        XCTAssertTrue(normalized.contains("Title Centred words Show more Hidden text. After."), normalized)
        let info = try TestSupport.run(["pdfinfo", folder.appendingPathComponent("out.pdf").path]).stdout
        XCTAssertTrue(info.contains("Pages:           1"), info)
    }

    func testUnhonouredTagsWarnOnceAndKeepText() throws {
        let (_, run, text) = try render("A <font color=red>red</font> word, <font>twice</font>, <blink>blink</blink>.\n")
        XCTAssertEqual(run.stderr.split(separator: "\n").map(String.init), [
            "brief.md:6:3: warning: HTML tag <font> is not honoured; its text is kept",
            "brief.md:6:56: warning: HTML tag <blink> is not honoured; its text is kept",
        ])
        XCTAssertTrue(TestSupport.normalized(text).contains("A red word, twice, blink."), text)
    }
}
