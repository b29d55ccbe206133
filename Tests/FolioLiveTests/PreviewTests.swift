import Folio
import FolioTestSupport
import Foundation
import XCTest

/// `folio preview` at the HTTP level: the page, the SVG pages, and the Server-Sent Events stream
/// that carries each render (changed pages only), an error overlay, and its clearing.
final class PreviewTests: XCTestCase {
    static func briefing(opening: String, closing: String) -> String {
        let filler = (1...14).map { "Paragraph \($0) of the filler text, long enough to fill a small page with several lines of words." }
        return "---\ntitle: Previewed\nlayout: small.yaml\n---\n\n# First\n\n\(opening)\n\n" + filler.joined(separator: "\n\n")
            + "\n\n# Last\n\n\(closing)\n"
    }

    /// `folio preview` of a small briefing (A5, no cover or contents, two pages) in a fresh folder:
    /// the running command, the briefing's file, and the page's address (bound to 127.0.0.1).
    static func startPreview(for test: XCTestCase) throws -> (preview: RunningCommand, note: URL, base: String) {
        let folder = try TestSupport.temporaryFolder(for: test)
        let note = folder.appendingPathComponent("note.md")
        try Data(briefing(opening: "Opening words.", closing: "Closing words.").utf8).write(to: note)
        try Data("page: { size: A5 }\ncover: false\ntoc: false\n".utf8).write(to: folder.appendingPathComponent("small.yaml"))
        let preview = try RunningCommand(["preview", note.path, "--port", "0"])
        XCTAssertTrue(preview.waitForLines(containing: "http://", count: 1), preview.stdout + preview.stderr)
        let line = try XCTUnwrap(preview.lines(containing: "http://").first)
        let address = try XCTUnwrap(line.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression), "bound to 127.0.0.1: \(line)")
        return (preview, note, String(line[address]))
    }

    func testEventsCarryChangedPagesAndErrors() throws {
        let (preview, note, base) = try Self.startPreview(for: self)
        defer { preview.stop() }
        let port = try XCTUnwrap(Int(base.split(separator: ":").last ?? ""))

        let page = try HTTPClient.send("GET", base + "/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("new EventSource('/events')"))

        let events = try EventStream(port: port, path: "/events")
        var state = try XCTUnwrap(Self.nextGood(events), "the first render")
        var pages = try XCTUnwrap(state["pages"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(pages.count, 2, "a document of several pages")
        XCTAssertTrue((pages.first?["text"] as? String)?.contains("Opening words.") == true)
        XCTAssertEqual((state["outline"] as? [[String: Any]])?.compactMap { $0["title"] as? String }, ["First", "Last"])
        let firstVersions = pages.compactMap { $0["version"] as? Int }

        let svg = try HTTPClient.send("GET", base + "/pages/1.svg")
        XCTAssertEqual(svg.status, 200)
        XCTAssertEqual(svg.header("Content-Type"), "image/svg+xml")
        XCTAssertTrue(svg.text.contains("<svg"))
        XCTAssertEqual(try HTTPClient.send("GET", base + "/pages/999.svg").status, 404)

        // Edit the last page: only it gets a new version, within a second.
        let edited = Date()
        try WatchTests.replace(note, with: Data(Self.briefing(opening: "Opening words.", closing: "Changed ending.").utf8))
        // A render of the unchanged files may still be on its way (the folder's own creation can wake
        // the watcher after the first render): the state to check is the one with the edit in it.
        state = try XCTUnwrap(Self.nextGood(events) { state in
            ((state["pages"] as? [[String: Any]])?.last?["text"] as? String)?.contains("Closing words.") != true
        })
        XCTAssertLessThan(Date().timeIntervalSince(edited), 1.0, "the new render arrives within a second")
        pages = try XCTUnwrap(state["pages"] as? [[String: Any]])
        XCTAssertTrue((pages.last?["text"] as? String)?.contains("Changed ending.") == true, "\(pages.last ?? [:])")
        let versions = pages.compactMap { $0["version"] as? Int }
        XCTAssertEqual(versions.first, firstVersions.first, "page 1 did not change: not reloaded")
        XCTAssertNotEqual(versions.last, firstVersions.last, "the last page did")

        // A bad edit: the error with its position; the pages stay.
        try WatchTests.replace(note, with: Data(Self.briefing(opening: "Opening words.", closing: "x").replacingOccurrences(of: "title: Previewed", with: "date: tomorrow").utf8))
        let failed = try XCTUnwrap(events.nextState())
        let error = try XCTUnwrap(failed["error"] as? [String: Any], "\(failed)")
        XCTAssertEqual(error["line"] as? Int, 2)
        XCTAssertTrue((error["text"] as? String)?.contains("note.md:2:7: error: ") == true, "\(error)")
        XCTAssertEqual((failed["pages"] as? [[String: Any]])?.compactMap { $0["version"] as? Int }, versions)

        // The fix clears it.
        try WatchTests.replace(note, with: Data(Self.briefing(opening: "Fixed opening.", closing: "Changed ending.").utf8))
        let fixed = try XCTUnwrap(events.nextState())
        XCTAssertTrue(fixed["error"] is NSNull, "\(fixed["error"] ?? "")")
        XCTAssertTrue(((fixed["pages"] as? [[String: Any]])?.first?["text"] as? String)?.contains("Fixed opening.") == true)
    }

    /// The next state of a good render (pages and no error).
    /// The next state with pages and no error (and that `accepts`), among the next five.
    static func nextGood(_ events: EventStream, accepts: ([String: Any]) -> Bool = { _ in true }) -> [String: Any]? {
        for _ in 0..<5 {
            guard let state = events.nextState(timeout: 30) else { return nil }
            if state["error"] is NSNull, (state["pages"] as? [Any])?.isEmpty == false, accepts(state) { return state }
        }
        return nil
    }
}
