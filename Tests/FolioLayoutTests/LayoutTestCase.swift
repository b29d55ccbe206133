import FolioDisplay
@testable import FolioLayout
import FolioModel
import FolioTestSupport
import XCTest

/// Builds briefings from Markdown and lays them out with the fixed-advance measurer.
class LayoutTestCase: XCTestCase {
    let measurer = FixedAdvanceMeasurer(advance: 0.5)

    func briefing(_ markdown: String, layout: String = "briefing", files: [String: String] = [:]) throws -> Briefing {
        let folder = try TestSupport.temporaryFolder(for: self)
        for (name, text) in files { try TestSupport.write(text, to: name, in: folder) }
        let path = try TestSupport.write(markdown, to: "doc.md", in: folder)
        return try BriefingLoader.load(path: path, options: LoadOptions(layout: layout))
    }

    func document(_ markdown: String, layout: String = "briefing") throws -> PagedDocument {
        try DocumentLayout.layout(briefing(markdown, layout: layout), measurer: measurer)
    }

    /// Text items of a page, top to bottom.
    func texts(_ page: Page) -> [TextItem] {
        page.items.compactMap { if case .text(let text) = $0 { return text } else { return nil } }
    }

    /// Words of filler text: `count` sentences.
    func filler(_ count: Int, seed: Int = 0) -> String {
        (0..<count).map { "Sentence \($0 + seed) has several ordinary words in it." }.joined(separator: " ")
    }
}
