@testable import Folio
import FolioTestSupport
import Foundation
import XCTest

/// A renderer that may use a second core draws PDF pages on another thread while it builds the next
/// ones (`Renderer.drawInOrder`): the file must be the one a renderer on one thread writes.
final class PageDrawingTests: XCTestCase {
    func testPagesDrawnOnAnotherThreadMakeTheSamePDF() throws {
        let parallel = try Renderer()
        guard parallel.measurer.shapesInParallel else { throw XCTSkip("one core: pages are drawn on this thread") }
        let serial = try Renderer(shapesInParallel: false)
        let folder = try TestSupport.temporaryFolder(for: self)
        let code = (0..<3_000).map { "let value\($0) = compute(\($0)) // line \($0)" }.joined(separator: "\n")
        let source = try TestSupport.write("---\ntitle: Listing\ndate: 2024-05-01\n---\n\n# Listing\n\nSome prose first.\n\n```\n\(code)\n```\n",
                                           to: "listing.md", in: folder)
        for input in [TestSupport.sampleBriefing, source] {
            let one = folder.appendingPathComponent("one.pdf").path, two = folder.appendingPathComponent("two.pdf").path
            let first = try serial.render(source: input, options: RenderOptions(output: one))
            let second = try parallel.render(source: input, options: RenderOptions(output: two))
            XCTAssertEqual(first.pageCount, second.pageCount)
            XCTAssertGreaterThan(second.pageCount, Renderer.pagesAhead, "more pages than are built ahead")
            XCTAssertEqual(FileManager.default.contents(atPath: one), FileManager.default.contents(atPath: two), input)
        }
    }
}
