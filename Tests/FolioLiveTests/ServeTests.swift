import Folio
import FolioTestSupport
import Foundation
import XCTest
import ZIPFoundation

/// `folio serve` run as a process on a free loopback port: renders, errors, limits, hostile input.
final class ServeTests: XCTestCase {
    /// One server for the whole class (fonts load once); its temporary folders go to `temporary`.
    nonisolated(unsafe) static var server: RunningCommand?
    nonisolated(unsafe) static var base = ""
    nonisolated(unsafe) static var temporary = URL(fileURLWithPath: "/tmp")

    override class func setUp() {
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("folio-serve-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        server = try? RunningCommand(["serve", "--port", "0", "--jobs", "2", "--queue", "8", "--timeout", "60", "--max-body", "300000"],
                                     environment: ["TMPDIR": temporary.path])
        if let server, server.waitForLines(containing: "listening on", count: 1),
           let line = server.lines(containing: "listening on").first,
           let range = line.range(of: #"http://[0-9.]+:[0-9]+"#, options: .regularExpression) {
            base = String(line[range])
        }
    }

    override class func tearDown() {
        server?.stop()
        try? FileManager.default.removeItem(at: temporary)
    }

    override func setUpWithError() throws {
        guard !Self.base.isEmpty else { throw XCTSkip("folio serve did not start: \(Self.server?.stderr ?? "")") }
    }

    static func sampleRequest(format: String = "pdf") throws -> [String: Any] {
        let folder = TestSupport.repoRoot.appendingPathComponent("Assets/briefings")
        var files: [String: String] = [:]
        for name in ["llama-data.yaml", "llama-timeline.yaml", "llama-org.yaml"] {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return ["name": "llama-journey.md", "format": format, "files": files,
                "briefing": try String(contentsOf: folder.appendingPathComponent("llama-journey.md"), encoding: .utf8)]
    }

    func testHealthAndMetrics() throws {
        let health = try HTTPClient.send("GET", Self.base + "/healthz")
        XCTAssertEqual(health.status, 200)
        XCTAssertEqual(health.text, "ok\n")
        _ = try HTTPClient.postJSON(Self.base + "/render", ["briefing": "# Hello\n\nWorld.\n"])
        let metrics = try HTTPClient.send("GET", Self.base + "/metrics")
        XCTAssertEqual(metrics.status, 200)
        XCTAssertTrue(metrics.text.contains("# TYPE folio_render_requests_total counter"), metrics.text)
        XCTAssertTrue(metrics.text.contains("folio_render_requests_total{status=\"200\"}"), metrics.text)
        XCTAssertTrue(metrics.text.contains("folio_render_duration_seconds_bucket"), metrics.text)
        XCTAssertTrue(metrics.text.contains("folio_render_queue_waiting"), metrics.text)
    }

    func testSampleToPDF() throws {
        let reply = try HTTPClient.postJSON(Self.base + "/render", Self.sampleRequest())
        XCTAssertEqual(reply.status, 200, reply.text.prefix(500).description)
        XCTAssertEqual(reply.header("Content-Type"), "application/pdf")
        XCTAssertTrue(reply.body.starts(with: Data("%PDF".utf8)))
        let file = try TestSupport.temporaryFolder(for: self).appendingPathComponent("sample.pdf")
        try reply.body.write(to: file)
        XCTAssertEqual(try TestSupport.run(["qpdf", "--check", file.path]).status, 0)
        XCTAssertTrue(try TestSupport.pdfText(file.path).contains("From FAIR to GenAI"))
        XCTAssertEqual(reply.header("X-Folio-Pages").flatMap(Int.init), try Renderer().layout(source: TestSupport.sampleBriefing).0.pageCount)
    }

    func testMultipartWithDataImageParamsAndLayoutToZippedPNGPages() throws {
        let png = try WatchTests.png(width: 120, height: 80, color: Color(red: 0, green: 0.6, blue: 0))
        let briefing = "---\ntitle: Regional\nparams: { region: EMEA }\ndata: [data/sales.csv]\n---\n\n# Sales in {{ region }}\n\n"
            + "{% for row in tables.sales where row.region == region %}Revenue {{ row.revenue }}.\n{% endfor %}\n\n![Logo](img/logo.png)\n\n"
            + "# Second\n\nMore.\n"
        let (body, type) = HTTPClient.multipart(
            fields: [("format", "png"), ("dpi", "30"), ("param", "region=APAC"),
                     ("layout", "page: { size: A5 }\ncover: false\ntoc: false\n")],
            files: [("briefing", "regional.md", Data(briefing.utf8)),
                    ("file", "data/sales.csv", Data("region,revenue\nEMEA,10\nAPAC,20\n".utf8)),
                    ("file", "img/logo.png", png)])
        let reply = try HTTPClient.send("POST", Self.base + "/render", body: body, contentType: type)
        XCTAssertEqual(reply.status, 200, reply.text.prefix(800).description)
        let pages = try XCTUnwrap(reply.header("X-Folio-Pages").flatMap(Int.init))
        if pages == 1 {
            XCTAssertEqual(reply.header("Content-Type"), "image/png")
        } else {
            XCTAssertEqual(reply.header("Content-Type"), "application/zip")
            let archive = try Archive(data: reply.body, accessMode: .read)
            let names = archive.map(\.path).sorted()
            XCTAssertEqual(names.count, pages)
            XCTAssertEqual(names.first, "regional-001.png")
            var first = Data()
            _ = try archive.extract(try XCTUnwrap(archive["regional-001.png"])) { first.append($0) }
            XCTAssertTrue(first.starts(with: Data([0x89, 0x50, 0x4E, 0x47])), "a PNG page")
        }
        // The text and the parameter reached the page: the same request as PDF.
        var fields: [(String, String)] = [("param", "region=APAC")]
        fields.append(("layout", "page: { size: A5 }\ncover: false\ntoc: false\n"))
        let (pdfBody, pdfType) = HTTPClient.multipart(fields: fields, files: [
            ("briefing", "regional.md", Data(briefing.utf8)),
            ("file", "data/sales.csv", Data("region,revenue\nEMEA,10\nAPAC,20\n".utf8)), ("file", "img/logo.png", png)])
        let pdf = try HTTPClient.send("POST", Self.base + "/render", body: pdfBody, contentType: pdfType)
        XCTAssertEqual(pdf.status, 200, pdf.text.prefix(800).description)
        let file = try TestSupport.temporaryFolder(for: self).appendingPathComponent("regional.pdf")
        try pdf.body.write(to: file)
        let text = try TestSupport.pdfText(file.path)
        XCTAssertTrue(text.contains("Sales in APAC") && text.contains("Revenue 20"), text)
        XCTAssertTrue(try TestSupport.run(["pdfinfo", file.path]).stdout.contains("419.528 x 595.276"), "A5 from the layout part")
    }

    func testInputErrorsAreJSONWithPositions() throws {
        let reply = try HTTPClient.postJSON(Self.base + "/render", ["briefing": "---\ntitle: T\ndate: tomorrow\n---\n\nText.\n", "name": "report.md"])
        XCTAssertEqual(reply.status, 422, reply.text)
        let errors = try XCTUnwrap(reply.json?["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.first?["file"] as? String, "report.md")
        XCTAssertEqual(errors.first?["line"] as? Int, 3)
        XCTAssertEqual(errors.first?["column"] as? Int, 7)
        XCTAssertTrue((errors.first?["text"] as? String)?.hasPrefix("report.md:3:7: error: ") == true, reply.text)

        let data = try HTTPClient.postJSON(Self.base + "/render", ["briefing": "---\ndata: [d.yaml]\n---\n\nText.\n",
                                                                  "files": ["d.yaml": "tables:\n  t: [oops\n"]])
        XCTAssertEqual(data.status, 422, data.text)
        XCTAssertEqual((data.json?["errors"] as? [[String: Any]])?.first?["file"] as? String, "d.yaml", data.text)
    }

    func testHostileRequestsGet4xx() throws {
        let url = Self.base + "/render"
        func status(_ object: [String: Any]) throws -> Int { try HTTPClient.postJSON(url, object).status }
        // File names that leave the request's folder.
        for name in ["../x.yaml", "/etc/x.yaml", "a/../../x.yaml", "", "a\\b.yaml", "x\u{0}.yaml"] {
            XCTAssertEqual(try status(["briefing": "# T\n", "files": [name: "a: 1"]]), 400, "file name '\(name)'")
        }
        XCTAssertEqual(try status(["briefing": "# T\n", "name": "../../evil.md"]), 400)
        // Briefings that name files outside it, or remote images: positioned errors, nothing read.
        for reference in ["/etc/hostname", "../../../../../etc/hostname", "sub/../../x.yaml"] {
            let reply = try HTTPClient.postJSON(url, ["briefing": "---\ndata: [\"\(reference)\"]\n---\n\nText.\n"])
            XCTAssertEqual(reply.status, 422, "\(reference): \(reply.text)")
            let secret = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            XCTAssertTrue(secret.isEmpty || !reply.text.contains(secret), "nothing of the file comes back")
        }
        for target in ["https://example.com/x.png", "/usr/share/pixmaps/debian-logo.png", "../../x.png"] {
            let reply = try HTTPClient.postJSON(url, ["briefing": "# T\n\n![x](\(target))\n"])
            XCTAssertEqual(reply.status, 422, "\(target): \(reply.text)")
        }
        // Malformed bodies and fields.
        XCTAssertEqual(try HTTPClient.send("POST", url, body: Data("{not json".utf8), contentType: "application/json").status, 400)
        XCTAssertEqual(try HTTPClient.send("POST", url, body: Data("[1, 2]".utf8), contentType: "application/json").status, 400)
        XCTAssertEqual(try HTTPClient.send("POST", url, body: Data("briefing".utf8), contentType: "text/plain").status, 415)
        XCTAssertEqual(try HTTPClient.send("POST", url, body: Data("--x\r\ngarbage".utf8), contentType: "multipart/form-data; boundary=x").status, 400)
        XCTAssertEqual(try status(["briefing": 3]), 400)
        XCTAssertEqual(try status(["briefing": "# T\n", "format": "docx"]), 400)
        XCTAssertEqual(try status(["briefing": "# T\n", "dpi": 100_000]), 400)
        XCTAssertEqual(try status(["briefing": "# T\n", "files": ["a.png": ["base64": 5]]]), 400)
        XCTAssertEqual(try status(["briefing": "# T\n", "surprise": true]), 400)
        XCTAssertEqual(try status(["briefing": "# T\n", "params": ["x": 1]]), 422, "an undeclared parameter is an input error")
        // A small PNG that claims 60000×60000 pixels.
        var bomb = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Data("IHDR".utf8)
        bomb += Data([0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60, 8, 6, 0, 0, 0])
        XCTAssertEqual(try status(["briefing": "# T\n\n![x](b.png)\n", "files": ["b.png": ["base64": bomb.base64EncodedString()]]]), 400)
        // Too large.
        let big = String(repeating: "a", count: 400_000)
        XCTAssertEqual(try status(["briefing": big]), 413)
        XCTAssertTrue((400..<500).contains(try HTTPClient.send("GET", url).status))
    }

    func testConcurrentClientsAllGetAnswersAndTemporaryFoldersAreRemoved() throws {
        let request = try JSONSerialization.data(withJSONObject: Self.sampleRequest())
        final class Codes: @unchecked Sendable { var list: [Int] = [] }
        let statuses = Codes()
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let body = index % 2 == 0 ? request : (try? JSONSerialization.data(withJSONObject: ["briefing": "# Small \(index)\n\nText.\n"])) ?? Data()
            let reply = try? HTTPClient.send("POST", Self.base + "/render", body: body, contentType: "application/json")
            lock.withLock { statuses.list.append(reply?.status ?? -1) }
        }
        let codes = lock.withLock { statuses.list }
        XCTAssertEqual(codes.count, 8)
        XCTAssertTrue(codes.allSatisfy { $0 == 200 }, "a queue of 8 takes 8 clients: \(codes)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: Self.temporary.path)) ?? []
        XCTAssertEqual(left.filter { $0.hasPrefix("folio-serve-") }, [], "every request's folder is removed")
    }
}
