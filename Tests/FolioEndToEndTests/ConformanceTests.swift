import Folio
import FolioDisplay
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import XCTest

/// The Markdown conformance corpus (`Tests/Conformance/*.txt`): Folio's own cases for every
/// construct of CommonMark and GFM, section by section, each with the text a reader must see.
///
/// Each case is parsed on its own (link definitions and open blocks cannot leak into the next);
/// their blocks are then laid out together in one document with a marker paragraph between
/// cases, written as one PDF, and read back with pdftotext: one layout, one PDF, one reader run.
final class ConformanceTests: XCTestCase {
    /// One case: where it is written, its Markdown, and the visible text it must produce.
    struct Case {
        var section: String
        var title: String
        var line: Int
        var markdown: String
        var expected: String
    }

    static var corpusFolder: URL { TestSupport.repoRoot.appendingPathComponent("Tests/Conformance") }

    /// Reads a corpus file: `## Section`, then cases `::: title`, Markdown lines, `>>> expected text`
    /// (continued on following lines up to the next case). `→` in Markdown stands for a tab.
    static func cases(in file: URL) throws -> [Case] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var result: [Case] = []
        var section = ""
        var current: Case?
        var inExpected = false
        func finish() {
            if var done = current {
                done.markdown = done.markdown.replacingOccurrences(of: "→", with: "\t")
                result.append(done)
            }
            current = nil
            inExpected = false
        }
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("## ") && (current == nil || inExpected) {
                finish()
                section = String(line.dropFirst(3))
            } else if line.hasPrefix("::: ") {
                finish()
                current = Case(section: section, title: String(line.dropFirst(4)), line: index + 1, markdown: "", expected: "")
            } else if line.hasPrefix(">>>") {
                inExpected = true
                current?.expected = String(line.dropFirst(3))
            } else if inExpected {
                current?.expected += "\n" + line
            } else if current != nil {
                current?.markdown += line + "\n"
            }
        }
        finish()
        return result
    }

    static func marker(_ index: Int) -> String { "QQCASE\(index)QQ" }

    /// The text without whitespace and bidi marks: what a reader sees, whatever the line breaks.
    /// (pdftotext finds spaces from glyph gaps and misses some in short lines: "x y" reads "xy".)
    static func visible(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            !scalar.properties.isWhitespace && !(0x200E...0x200F).contains(scalar.value) && !(0x202A...0x202E).contains(scalar.value)
        }))
    }

    func testCorpusTextAppearsInThePDF() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.corpusFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        let cases = try files.flatMap { try Self.cases(in: $0) }
        XCTAssertGreaterThanOrEqual(cases.count, 300, "the corpus holds at least 300 cases")
        XCTAssertEqual(Set(cases.map { "\($0.section)/\($0.title)" }).count, cases.count, "case titles are unique per section")

        let folder = try TestSupport.temporaryFolder(for: self)
        var blocks: [Block] = []
        var characters = Set<UInt32>()
        let log = DiagnosticLog()
        for (index, item) in cases.enumerated() {
            let at = SourceLocation(file: "corpus", line: item.line, column: 1)
            blocks.append(Block(.paragraph([.text(Self.marker(index))]), at: at))
            let source = "---\ntitle: case\n---\n" + item.markdown
            let briefing = try BriefingLoader.load(text: source, path: folder.appendingPathComponent("case.md").path, log: log)
            // Kept in place: the corpus checks each case's text between its markers, not where
            // figures and tables float to.
            blocks += briefing.blocks.map { block in
                var kept = block
                kept.placement.float = false
                return kept
            }
            characters.formUnion(briefing.characters)
        }
        blocks.append(Block(.paragraph([.text(Self.marker(cases.count))]), at: .start(of: "corpus")))
        var layout = LayoutSpec()
        layout.cover = false
        layout.tocDepth = 0
        layout.justify = false
        layout.hyphenate = false
        for side in [\LayoutSpec.Furniture.left, \.center, \.right] {
            layout.header[keyPath: side] = ""
            layout.footer[keyPath: side] = ""
        }
        var briefing = Briefing(metadata: Metadata(title: "Conformance"), blocks: blocks, data: DataSet(), layout: layout,
                                sourcePath: folder.appendingPathComponent("corpus.md").path)
        briefing.characters = characters
        let renderer = try Renderer()
        let document = try renderer.layout(briefing, log: log)
        let pdf = folder.appendingPathComponent("corpus.pdf").path
        try renderer.writePDF(document, to: pdf)
        let run = try TestSupport.run(["pdftotext", "-enc", "UTF-8", pdf, "-"])
        XCTAssertEqual(run.status, 0)
        var text = run.stdout
        var failures: [String] = []
        var passed = 0
        for (index, item) in cases.enumerated() {
            guard let start = text.range(of: Self.marker(index)), let end = text.range(of: Self.marker(index + 1)) else {
                failures.append("\(item.section) / \(item.title): its marker is missing")
                continue
            }
            let got = Self.visible(String(text[start.upperBound..<end.lowerBound]))
            let expected = Self.visible(item.expected)
            passed += got == expected ? 1 : 0
            if got != expected {
                failures.append("corpus line \(item.line): \(item.section) / \(item.title)\n    expected: \(expected)\n    got:      \(got)")
            }
            text = String(text[end.lowerBound...])
        }
        print("conformance corpus: \(passed) of \(cases.count) cases show their text")
        XCTAssertTrue(failures.isEmpty, "\(failures.count) of \(cases.count) cases differ:\n" + failures.joined(separator: "\n"))
    }
}
