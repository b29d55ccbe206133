import Folio
import FolioTestSupport
import Foundation
import XCTest

/// `folio watch`: scripted edits of the briefing, a data file, an image and the layout each
/// produce exactly one render with the new content; a bad edit keeps the last good output.
final class WatchTests: XCTestCase {
    /// A one-colour PNG of `width`×`height` pixels.
    static func png(width: Double, height: Double, color: Color) throws -> Data {
        let sink = DataSink()
        let fonts = try FontEnvironment()
        try ImageWriter(fonts: fonts).writePNG([.rect(RectItem(rect: Rect(x: 0, y: 0, width: width, height: height), fill: color))],
                                               size: Size(width: width, height: height), dpi: 72, to: sink)
        return sink.data
    }

    /// Replaces `file` as editors do (a new file renamed over it).
    static func replace(_ file: URL, with data: Data) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).swp")
        try data.write(to: temporary)
        XCTAssertEqual(rename(temporary.path, file.path), 0)
    }

    /// The ratio of pixels in the first page (rasterised at 20 dpi) that are mostly `channel`.
    static func share(of channel: Int, in pdf: URL) throws -> Double {
        let prefix = pdf.deletingPathExtension().path + "-raster"
        let result = try TestSupport.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "1", "-png", "-singlefile", pdf.path, prefix])
        XCTAssertEqual(result.status, 0, result.stderr)
        let image = try XCTUnwrap(TestImage(contentsOfPNG: prefix + ".png"))
        var count = 0
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y, channel] > 180 && (0..<3).allSatisfy({ $0 == channel || image[x, y, $0] < 80 }) {
                count += 1
            }
        }
        return Double(count) / Double(image.width * image.height)
    }

    func testEveryKindOfEditRendersOnceWithTheNewContent() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let note = folder.appendingPathComponent("note.md")
        let data = folder.appendingPathComponent("facts.csv")
        let image = folder.appendingPathComponent("pic.png")
        let layout = folder.appendingPathComponent("look.yaml")
        let output = folder.appendingPathComponent("out.pdf")
        let briefing = "---\ntitle: Watched\ndata: [facts.csv]\nlayout: look.yaml\n---\n\n# Facts\n\n"
            + "Opening words.\n\n{% for row in tables.facts %}Fact {{ row.name }}.\n{% endfor %}\n\n![Picture](pic.png)\n"
        try Data(briefing.utf8).write(to: note)
        try Data("name\nalpha\n".utf8).write(to: data)
        try Self.png(width: 300, height: 200, color: Color(red: 1, green: 0, blue: 0)).write(to: image)
        try Data("page: { size: A5 }\ncover: false\ntoc: false\n".utf8).write(to: layout)

        let watch = try RunningCommand(["watch", note.path, "-o", output.path])
        defer { watch.stop() }
        XCTAssertTrue(watch.waitForLines(containing: "rendered", count: 1), watch.stdout + watch.stderr)
        XCTAssertTrue(try TestSupport.pdfText(output.path).contains("Opening words"))
        XCTAssertTrue(try TestSupport.pdfText(output.path).contains("Fact alpha"))
        XCTAssertGreaterThan(try Self.share(of: 0, in: output), 0.02, "the red picture")
        XCTAssertTrue(watch.lines(containing: "rendered").first?.range(of: #"in [0-9.]+ ms"#, options: .regularExpression) != nil,
                      "one line per render, with its time: \(watch.stdout)")

        // The briefing's text.
        try Self.replace(note, with: Data(briefing.replacingOccurrences(of: "Opening words", with: "Edited opening").utf8))
        try expectRender(2, watch)
        XCTAssertTrue(try TestSupport.pdfText(output.path).contains("Edited opening"))

        // A data file.
        try Self.replace(data, with: Data("name\nbeta\n".utf8))
        try expectRender(3, watch)
        XCTAssertTrue(try TestSupport.pdfText(output.path).contains("Fact beta"))

        // An image.
        try Self.replace(image, with: Self.png(width: 300, height: 200, color: Color(red: 0, green: 0, blue: 1)))
        try expectRender(4, watch)
        XCTAssertGreaterThan(try Self.share(of: 2, in: output), 0.02, "the picture is blue now")
        XCTAssertLessThan(try Self.share(of: 0, in: output), 0.005, "and no longer red")

        // The layout.
        try Self.replace(layout, with: Data("page: { size: A4 }\ncover: false\ntoc: false\n".utf8))
        try expectRender(5, watch)
        let info = try TestSupport.run(["pdfinfo", output.path]).stdout
        XCTAssertTrue(info.contains("595.") && info.contains("841."), "A4 now: \(info)")

        // A bad edit: an error at its position, the last good output kept; the fix renders again.
        let good = try Data(contentsOf: output)
        try Self.replace(note, with: Data(briefing.replacingOccurrences(of: "title: Watched", with: "date: tomorrow").utf8))
        XCTAssertTrue(watch.waitForLines(containing: "failed", count: 1), watch.stdout)
        XCTAssertTrue(watch.stderr.contains("note.md:2:7: error: "), "the error at its position: \(watch.stderr)")
        XCTAssertEqual(try Data(contentsOf: output), good, "the last good output stays")
        try Self.replace(note, with: Data(briefing.utf8))
        try expectRender(6, watch)
        XCTAssertTrue(try TestSupport.pdfText(output.path).contains("Opening words"))
    }

    /// Waits for the `count`th render line, then checks that no other follows (one render per edit).
    func expectRender(_ count: Int, _ watch: RunningCommand, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertTrue(watch.waitForLines(containing: "rendered", count: count), "render \(count): \(watch.stdout)\(watch.stderr)",
                      file: file, line: line)
        usleep(300_000)
        XCTAssertEqual(watch.lines(containing: "rendered").count, count, "one render per edit: \(watch.stdout)", file: file, line: line)
    }

    func testUnchangedPagesAreNotDrawnOrWrittenAgain() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let note = folder.appendingPathComponent("pages.md")
        let pages = folder.appendingPathComponent("out")
        try Data("page: { size: A5 }\ncover: false\ntoc: false\n".utf8).write(to: folder.appendingPathComponent("small.yaml"))
        let text = { (closing: String) in Data(PreviewTests.briefing(opening: "Opening words.", closing: closing).utf8) }
        try text("Closing words.").write(to: note)
        let watch = try RunningCommand(["watch", note.path, "--format", "svg", "-o", pages.path])
        defer { watch.stop() }
        XCTAssertTrue(watch.waitForLines(containing: "rendered", count: 1), watch.stdout + watch.stderr)
        let first = try XCTUnwrap(watch.lines(containing: "rendered").first)
        let count = try XCTUnwrap(Int(first.components(separatedBy: " of ").last?.split(separator: " ").first ?? ""), first)
        XCTAssertGreaterThanOrEqual(count, 2, first)
        XCTAssertTrue(first.contains("rendered \(count) of \(count) pages"), first)
        let firstPage = pages.appendingPathComponent("pages-001.svg").path
        let before = try FileManager.default.attributesOfItem(atPath: firstPage)[.modificationDate] as? Date
        usleep(20_000)
        try Self.replace(note, with: text("A changed ending."))
        try expectRender(2, watch)
        XCTAssertTrue(watch.lines(containing: "rendered").last?.contains("rendered 1 of \(count) pages") == true, watch.stdout)
        let after = try FileManager.default.attributesOfItem(atPath: firstPage)[.modificationDate] as? Date
        XCTAssertEqual(before, after, "page 1 was not written again")
    }

    func testWatchRefusesStandardInput() throws {
        let result = try TestSupport.folio(["watch", "-"])
        XCTAssertEqual(result.status, 2, result.stderr)
    }
}
