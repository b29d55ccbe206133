@testable import FolioModel
import XCTest

/// A briefing's code blocks are highlighted once for all layout passes, some ahead by a helper
/// thread: every block gets exactly the tokens source-highlight gives it alone.
final class CodeHighlightsTests: XCTestCase {
    func testEveryBlockGetsItsOwnTokensAndIsHighlightedOnce() throws {
        let at = SourceLocation(file: "t.md", line: 1, column: 1)
        let languages = ["swift", "python", "go", "rust", "sql", "bash", "json", "java"]
        var blocks: [Block] = []
        var codes: [(language: String, text: String)] = []
        for index in 0..<120 {
            let language = languages[index % languages.count]
            let text = "// block \(index)\nlet value\(index) = \"s\(index)\" + 1 # \(index)\nfor x in y { return \(index) }\n"
            codes.append((language, text))
            let code = Block(.code(language: language, text: text), at: at)
            switch index % 4 {  // nested blocks count too
            case 1: blocks.append(Block(.quote([code]), at: at))
            case 2: blocks.append(Block(.list(ListBlock(ordered: false, start: 1, tight: true, items: [[code]])), at: at))
            case 3: blocks.append(Block(.alert(AlertBlock(kind: .note, blocks: [code])), at: at))
            default: blocks.append(code)
            }
        }
        blocks.append(Block(.code(language: nil, text: "plain"), at: at))
        let highlights = CodeHighlights(blocks: blocks)
        XCTAssertEqual(highlights.count, 120)
        highlights.startAhead()
        for _ in 0..<2 {  // the dry run, then the real pass
            for code in codes {
                let expected = try XCTUnwrap(SyntaxHighlighter.tokens(code.text, language: code.language))
                XCTAssertFalse(expected.isEmpty)
                XCTAssertEqual(highlights.tokens(code.text, language: code.language), expected, code.text)
            }
        }
        XCTAssertEqual(highlights.highlighted, 120, "each block highlighted once, by the pass or the helper")
        // A block that is not the briefing's is highlighted on the spot.
        XCTAssertEqual(highlights.tokens("let z = 1", language: "swift"), SyntaxHighlighter.tokens("let z = 1", language: "swift"))
        XCTAssertEqual(highlights.highlighted, 120)
    }
}
