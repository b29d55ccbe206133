import FolioModel
import FolioTestSupport
import XCTest

/// Every YAML error at its own line and column, in front matter, data files and layouts alike,
/// with a short message; aliases that multiply a file are refused at the alias that crosses the cap.
final class YAMLErrorTests: XCTestCase {
    /// The diagnostic of parsing `yaml` (as `file`, lines moved down by `lineOffset`), or a failure.
    func parseError(_ yaml: String, lineOffset: Int = 0, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try YAMLParsing.parse(yaml, file: "d.yaml", lineOffset: lineOffset)
            XCTFail("expected an error", file: file, line: line)
        } catch let diagnostic as Diagnostic {
            XCTAssertFalse(diagnostic.message.contains("\n"), "a one-line message: \(diagnostic.message)", file: file, line: line)
            XCTAssertLessThan(diagnostic.message.count, 200, diagnostic.message, file: file, line: line)
            return diagnostic
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

    /// The diagnostic of loading a briefing `markdown` beside `files`.
    func loadError(_ markdown: String, files: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> Diagnostic? {
        let folder = try TestSupport.temporaryFolder(for: self)
        for (name, text) in files { try TestSupport.write(text, to: name, in: folder) }
        do {
            _ = try BriefingLoader.load(path: TestSupport.write(markdown, to: "doc.md", in: folder))
            XCTFail("expected an error", file: file, line: line)
        } catch let diagnostic as Diagnostic {
            return diagnostic
        }
        return nil
    }

    func place(_ diagnostic: Diagnostic?) -> String {
        guard let diagnostic else { return "none" }
        return "\((diagnostic.location.file as NSString).lastPathComponent):\(diagnostic.location.line):\(diagnostic.location.column)"
    }

    /// `a0` holds ten strings, `a1` ten `a0`s, … `a9` ten `a8`s: 10^10 values from 590 bytes.
    static let billionLaughs: String = {
        var lines = ["a0: &a0 [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]"]
        for k in 1...9 { lines.append("a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]") }
        return lines.joined(separator: "\n") + "\n"
    }()

    func testBillionLaughsIsRefusedAtTheAliasThatCrossesTheCap() {
        let started = Date()
        let error = parseError(Self.billionLaughs)
        // a0…a4 and eight of a5's ten `*a4` (111,111 values each) stay under the cap; the ninth crosses it.
        XCTAssertEqual(place(error), "d.yaml:6:45")
        XCTAssertTrue(error?.message.contains("alias '*a4'") == true, error?.message ?? "")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "refused without expanding (generous bound, not a timing test)")
    }

    func testBillionLaughsAsADataFileIsAPositionedError() throws {
        let error = try loadError("---\ndata: lol.yaml\n---\n# T\n", files: ["lol.yaml": Self.billionLaughs])
        XCTAssertEqual(place(error), "lol.yaml:6:45")
    }

    func testAliasUsedAsAKeyDoesNotSpin() {
        let yaml = Self.billionLaughs + "? *a9\n: x\n"
        XCTAssertEqual(place(parseError(yaml)), "d.yaml:6:45")
    }

    func testModestAliasesStillWork() throws {
        let root = try YAMLParsing.parse("base: &b { x: 1 }\nuse: [*b, *b]\n", file: "d.yaml")
        let use = try root.fields("t", allowed: ["base", "use"]).required("use").sequence()
        XCTAssertEqual(use.count, 2)
        XCTAssertEqual(try use[1].fields("b", allowed: ["x"]).required("x").int(), 1)
    }

    func testDuplicateKeyAtTheSecondKey() {
        let error = parseError("title: A\nsubtitle: B\n  # comment\ntitle: C\n")
        XCTAssertEqual(place(error), "d.yaml:4:1")
        XCTAssertEqual(error?.message, "duplicate key 'title'")
        let nested = parseError("columns:\n  - a\nrows: { x: 1,  x: 2 }\n")
        XCTAssertEqual(place(nested), "d.yaml:3:16")
    }

    func testDuplicateKeyInFrontMatterCountsTheFileLines() throws {
        let error = try loadError("---\ntitle: A\nlang: en\ntitle: B\n---\n# T\n")
        XCTAssertEqual(place(error), "doc.md:4:1")
        XCTAssertEqual(error?.message, "duplicate key 'title'")
    }

    func testControlCharacterAtItsPlace() {
        let error = parseError("a: 1\nb: x\u{07}y\n")
        XCTAssertEqual(place(error), "d.yaml:2:5")
        XCTAssertTrue(error?.message.contains("U+0007") == true, error?.message ?? "")
        // Columns count Unicode scalars, as everywhere in Folio.
        XCTAssertEqual(place(parseError("a: 1\nb: 'ééé\u{01}'\n")), "d.yaml:2:8")
    }

    func testNextLineAndLineSeparatorInsideAValueDoNotShiftLines() throws {
        let text = "a: 'x\u{2028}y'\nb: \"z\u{85}w\u{2029}v\"\nc: 3\n"
        let root = try YAMLParsing.parse(text, file: "d.yaml", lineOffset: 1)
        let c = try XCTUnwrap(root.mapping().last)
        XCTAssertEqual(c.key.location.description, "d.yaml:4:1")
        XCTAssertEqual(c.value.location.description, "d.yaml:4:4")
        XCTAssertEqual(place(parseError(text + "a: 4\n")), "d.yaml:4:1")
        // A lone carriage return is not a line either.
        XCTAssertEqual(place(parseError("a: 'x\ry'\nb: 1\nb: 2\n")), "d.yaml:3:1")
    }

    func testSyntaxErrorsInFrontMatterAtLineAndColumn() throws {
        let indentation = try loadError("---\ntitle: A\n  subtitle: B\n---\n# T\n")
        XCTAssertEqual(place(indentation), "doc.md:3:11")
        XCTAssertTrue(indentation?.message.hasPrefix("invalid YAML") == true, indentation?.message ?? "")
        // Quotes the text ends in: at the opening quote. Otherwise where libyaml can read no further
        // (the ':' after "b lang" inside the brackets), the message naming where the brackets opened.
        let quote = try loadError("---\ntitle: \"A\nlang: en\n---\n# T\n")
        XCTAssertEqual(place(quote), "doc.md:2:8")
        XCTAssertEqual(quote?.message, "invalid YAML: a quoted string that is never closed (the text ends first)")
        let bracket = try loadError("---\nauthors: [a, b\nlang: en\n---\n# T\n")
        XCTAssertEqual(place(bracket), "doc.md:3:5")
        XCTAssertEqual(bracket?.message, "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that opens at 2:10)")
    }

    func testSyntaxErrorsInADataFileAtLineAndColumn() throws {
        let error = try loadError("---\ndata: d.yaml\n---\n# T\n", files: ["d.yaml": "rows:\n  - [1, 2\n  - [3, 4]\n"])
        XCTAssertEqual(place(error), "d.yaml:3:5")
        XCTAssertTrue(error?.message.hasSuffix("opens at 2:5)") == true, error?.message ?? "")
        let quote = try loadError("---\ndata: q.yaml\n---\n# T\n", files: ["q.yaml": "tables:\n  t:\n    columns: [\"A, B]\n    rows: []\n"])
        XCTAssertEqual(place(quote), "q.yaml:3:15")
        let indentation = try loadError("---\ndata: i.yaml\n---\n# T\n", files: ["i.yaml": "tables:\n  t:\n    columns: [A]\n   rows: []\n"])
        XCTAssertEqual(place(indentation), "i.yaml:4:4")
        XCTAssertTrue(indentation?.message.hasSuffix("(while parsing a block mapping that opens at 2:3)") == true, indentation?.message ?? "")
    }

    func testSyntaxErrorsInALayoutAtLineAndColumn() throws {
        let error = try loadError("---\nlayout: ./mine.yaml\n---\n# T\n", files: ["mine.yaml": "page:\n  size: A4\n margin: 2cm\n"])
        XCTAssertEqual(place(error), "mine.yaml:3:2")
        let bracket = try loadError("---\nlayout: ./b.yaml\n---\n# T\n", files: ["b.yaml": "page:\n  size: [210mm, 297mm\n  margin: 2cm\n"])
        XCTAssertEqual(place(bracket), "b.yaml:3:9")
        let quote = try loadError("---\nlayout: ./q.yaml\n---\n# T\n", files: ["q.yaml": "page:\n  size: 'A4\n"])
        XCTAssertEqual(place(quote), "q.yaml:2:9")
    }
}
