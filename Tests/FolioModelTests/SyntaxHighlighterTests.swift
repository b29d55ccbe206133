@testable import FolioModel
import XCTest

/// Highlighting through GNU source-highlight: each language the contract names yields keywords,
/// strings and comments at the right places.
final class SyntaxHighlighterTests: XCTestCase {
    /// A snippet per language, with a keyword, a string and a comment it must find.
    let samples: [(language: String, code: String, keyword: String, string: String, comment: String)] = [
        ("swift", "import Foundation\nlet name = \"folio\" // note\n", "let", "\"folio\"", "// note"),
        ("python", "def f():\n    return 'x'  # note\n", "def", "'x'", "# note"),
        ("javascript", "const a = \"s\"; // note\n", "const", "\"s\"", "// note"),
        ("typescript", "interface A { x: string }\nlet b = 'q'; // note\n", "interface", "'q'", "// note"),
        ("json", "{\"k\": \"v\", \"n\": true}\n", "true", "v", ""),
        ("yaml", "name: \"x\" # note\nok: true\n", "true", "\"x\"", "# note"),
        ("bash", "for f in a; do echo \"$f\"; done # note\n", "for", "\"$f\"", "# note"),
        ("sql", "SELECT 'a' FROM t; -- note\n", "SELECT", "'a'", "-- note"),
        ("go", "func main() { s := \"x\" } // note\n", "func", "\"x\"", "// note"),
        ("rust", "fn main() { let s = \"x\"; } // note\n", "fn", "\"x\"", "// note"),
        ("c", "int main(void) { return \"x\"[0]; } /* note */\n", "return", "\"x\"", "/* note */"),
        ("cpp", "class A { public: const char *s = \"x\"; }; // note\n", "class", "\"x\"", "// note"),
        ("java", "public class A { String s = \"x\"; } // note\n", "public", "\"x\"", "// note"),
    ]

    func testEveryNamedLanguageIsHighlighted() throws {
        for sample in samples {
            let tokens = try XCTUnwrap(SyntaxHighlighter.tokens(sample.code, language: sample.language), sample.language)
            let bytes = Array(sample.code.utf8)
            func texts(_ kind: CodeToken.Kind) -> [String] {
                tokens.filter { $0.kind == kind }.map { String(decoding: bytes[$0.range], as: UTF8.self) }
            }
            XCTAssertTrue(texts(.keyword).contains(sample.keyword), "\(sample.language): keywords \(texts(.keyword))")
            XCTAssertTrue(texts(.string).contains { $0.contains(sample.string) }, "\(sample.language): strings \(texts(.string))")
            if !sample.comment.isEmpty {
                XCTAssertTrue(texts(.comment).contains { $0.contains(sample.comment) }, "\(sample.language): comments \(texts(.comment))")
            }
            XCTAssertEqual(tokens.map(\.range.lowerBound), tokens.map(\.range.lowerBound).sorted(), "in order")
        }
    }

    func testAliasesAndUnknownLanguages() {
        XCTAssertNotNil(SyntaxHighlighter.tokens("x = 1", language: "py"))
        XCTAssertNotNil(SyntaxHighlighter.tokens("let x: number = 1", language: "ts"))
        XCTAssertNotNil(SyntaxHighlighter.tokens("a: 1", language: "yml"))
        XCTAssertNotNil(SyntaxHighlighter.tokens("puts 1", language: "ruby"), "other languages Debian defines")
        XCTAssertNil(SyntaxHighlighter.tokens("text", language: "no-such-language"))
        XCTAssertNil(SyntaxHighlighter.tokens("text", language: "../etc/passwd"))
    }

    func testMultiLineCommentsAndNonASCIIKeepOffsets() throws {
        let code = "/* née\n   ü */ let s = \"日本\"\n"
        let tokens = try XCTUnwrap(SyntaxHighlighter.tokens(code, language: "swift"))
        let bytes = Array(code.utf8)
        let comment = try XCTUnwrap(tokens.first { $0.kind == .comment })
        XCTAssertEqual(String(decoding: bytes[comment.range], as: UTF8.self), "/* née")
        XCTAssertTrue(tokens.contains { $0.kind == .string && String(decoding: bytes[$0.range], as: UTF8.self) == "\"日本\"" })
    }
}
