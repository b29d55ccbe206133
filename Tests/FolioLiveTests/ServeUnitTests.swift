import Folio
import FolioServe
import FolioTestSupport
import Foundation
import XCTest

/// The pieces of `folio serve` on their own: the bounded pool, the confined folder, request parsing.
final class ServeUnitTests: XCTestCase {
    func testFullQueueIsRefusedAndSlowJobsTimeOut() async throws {
        let pool = try RenderPool(jobs: 1, queueLimit: 1, timeout: 0.5)
        let gate = DispatchSemaphore(value: 0)
        let running = Task { try await pool.run { _ in gate.wait(); return 1 } }
        while pool.load.running == 0 { try await Task.sleep(nanoseconds: 5_000_000) }
        let waiting = Task { try await pool.run { _ in 2 } }
        while pool.load.waiting == 0 { try await Task.sleep(nanoseconds: 5_000_000) }
        do {
            _ = try await pool.run { _ in 3 }
            XCTFail("a third job finds the queue full")
        } catch RenderPoolError.busy {}
        // The first job blocks past the timeout: both it and the one queued behind it time out.
        do { _ = try await running.value; XCTFail("times out") } catch RenderPoolError.timedOut {}
        do { _ = try await waiting.value; XCTFail("times out") } catch RenderPoolError.timedOut {}
        gate.signal()
        while pool.load.running > 0 || pool.load.waiting > 0 { try await Task.sleep(nanoseconds: 5_000_000) }
        let after = try await pool.run { _ in 4 }
        XCTAssertEqual(after, 4, "the pool works again once the slow job ended")
    }

    func testConfinedFolderRefusesLinksAndEscapes() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let request = try RequestFolder()
        defer { request.remove() }
        try request.write(Data("a: 1".utf8), as: "data/a.yaml")
        XCTAssertThrowsError(try request.write(Data(), as: "../escape.yaml"))
        XCTAssertThrowsError(try request.write(Data(), as: "data/a.yaml"), "a name given twice")
        try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        XCTAssertEqual(symlink(folder.appendingPathComponent("secret.txt").path, request.path + "/link.yaml"), 0)
        XCTAssertEqual(symlink(folder.path, request.path + "/linked"), 0)

        let source = ConfinedFolder(root: request.path)
        guard case .file(let data) = source.entry(at: "data/a.yaml") else { return XCTFail("the request's file") }
        XCTAssertEqual(data, Data("a: 1".utf8))
        guard case .file = source.entry(at: request.path + "/data/./a.yaml") else { return XCTFail("by its absolute path too") }
        guard case .folder = source.entry(at: "data") else { return XCTFail("a folder") }
        guard case .missing = source.entry(at: "data/b.yaml") else { return XCTFail("missing") }
        for refused in ["link.yaml", "linked/secret.txt", "../secret.txt", folder.path + "/secret.txt", "data/../../x"] {
            guard case .refused = source.entry(at: refused) else { return XCTFail("\(refused) must be refused") }
        }
        XCTAssertEqual(source.names(in: "data"), ["a.yaml"])
    }

    func testJSONAndMultipartRequestsParse() throws {
        let json = try RenderRequest(json: Data(##"{"briefing": "# T", "format": "SVG", "dpi": 72, "params": {"n": [1, 2], "s": "x: y"}, "files": {"a.csv": "k\n1\n", "b.png": {"base64": "iVBORw=="}}}"##.utf8))
        XCTAssertEqual(json.format, .svg)
        XCTAssertEqual(json.dpi, 72)
        XCTAssertEqual(json.params.map(\.key), ["n", "s"])
        XCTAssertEqual(json.params.map(\.value), ["[1,2]", "\"x: y\""], "JSON values are YAML values")
        XCTAssertEqual(json.files["b.png"], Data([0x89, 0x50, 0x4E, 0x47]))
        XCTAssertEqual(try json.paramSettings().count, 2)

        let (body, type) = HTTPClient.multipart(fields: [("param", "region=EMEA"), ("format", "png")],
                                                files: [("briefing", "r.md", Data("# R".utf8)), ("file", "d/x.csv", Data("a\n1\n".utf8))])
        let boundary = try XCTUnwrap(RenderRequest.boundary(ofContentType: type))
        let form = try RenderRequest(multipart: body, boundary: boundary)
        XCTAssertEqual(form.name, "r.md")
        XCTAssertEqual(form.briefing, "# R")
        XCTAssertEqual(form.format, .png)
        XCTAssertEqual(form.files["d/x.csv"], Data("a\n1\n".utf8))
        XCTAssertEqual(form.params.first?.key, "region")
    }
}
