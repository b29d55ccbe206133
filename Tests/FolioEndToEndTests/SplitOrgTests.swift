import Folio
import FolioTestSupport
import Foundation
import XCTest

/// A large org split over pages: every "continued on page N" mark points at the page that continues it.
final class SplitOrgTests: XCTestCase {
    /// A 400-node random tree (fixed seed), written as a briefing with one org chart fence.
    func writeOrg(in folder: URL) throws -> String {
        var seed: UInt64 = 20_251_128
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var yaml = "orgs:\n  big:\n    title: \"Big org\"\n    nodes:\n      - { id: n0, name: \"Unit 0\", title: \"Lead 0\" }\n"
        for index in 1..<400 {
            let parent = index < 8 ? 0 : next(index / 2 + 1)
            yaml += "      - { id: n\(index), name: \"Unit \(index)\", title: \"Lead \(index)\", parent: n\(parent) }\n"
        }
        try TestSupport.write(yaml, to: "org.yaml", in: folder)
        return try TestSupport.write("---\ntitle: Split\ndata: org.yaml\n---\n# Org\n\n```orgchart\nuse: big\n```\n",
                                     to: "split.md", in: folder)
    }

    func testContinuationMarksNameTheRightPages() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let pdf = folder.appendingPathComponent("split.pdf").path
        let run = try TestSupport.folio(["render", try writeOrg(in: folder), "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        let pages = Int(run.stdout.split(separator: "(").last?.split(separator: " ").first ?? "") ?? 0
        XCTAssertGreaterThan(pages, 4, "the org should need several pages")
        var texts: [Int: String] = [:]
        for page in 1...pages {
            texts[page] = try TestSupport.run(["pdftotext", "-f", "\(page)", "-l", "\(page)", pdf, "-"]).stdout
        }
        var checked = 0
        for (page, text) in texts {
            for line in text.split(separator: "\n") where line.hasPrefix("continued on page ") {
                let target = try XCTUnwrap(Int(line.dropFirst("continued on page ".count)))
                XCTAssertTrue(texts[target]?.contains("continued from page \(page)") == true,
                              "page \(page) says 'continued on page \(target)', which does not continue it")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 5)
        // Every node appears on some page.
        let all = texts.values.joined(separator: "\n")
        for index in stride(from: 0, to: 400, by: 37) { XCTAssertTrue(all.contains("Unit \(index)\n"), "Unit \(index) missing") }
        XCTAssertEqual(try TestSupport.run(["qpdf", "--check", pdf]).status, 0)
    }
}
