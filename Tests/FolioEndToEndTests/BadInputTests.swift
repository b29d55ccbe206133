import Folio
import FolioTestSupport
import Foundation
import XCTest

/// Bad input: `FILE:LINE:COLUMN: error: message`, exit 1, and no output file left behind.
final class BadInputTests: XCTestCase {
    func assertFails(_ markdown: String, files: [String: String] = [:], arguments: [String] = [],
                     at expected: (line: Int, column: Int)?, message: String, hint: String? = nil,
                     file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        for (name, text) in files { try TestSupport.write(text, to: name, in: folder) }
        let source = try TestSupport.write(markdown, to: "brief.md", in: folder)
        let output = folder.appendingPathComponent("out")
        for format in ["pdf", "png"] {
            let target = format == "pdf" ? output.appendingPathComponent("brief.pdf").path : output.path
            let run = try TestSupport.folio(["render", source, "--format", format, "-o", target] + arguments)
            XCTAssertEqual(run.status, 1, "exit status", file: file, line: line)
            let first = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
            if let expected {
                XCTAssertTrue(first.hasPrefix("\(source):\(expected.line):\(expected.column): error: "), first, file: file, line: line)
            } else {
                XCTAssertTrue(first.range(of: #"^[^:]+:\d+:\d+: error: "#, options: .regularExpression) != nil, first, file: file, line: line)
            }
            XCTAssertTrue(first.contains(message), first, file: file, line: line)
            if let hint { XCTAssertTrue(run.stderr.contains(hint), run.stderr, file: file, line: line) }
            XCTAssertEqual(TestSupport.files(in: output), [], "no output may be left", file: file, line: line)
        }
    }

    func testMalformedFrontMatter() throws {
        try assertFails("---\ntitle: [unclosed\n---\nText\n", at: nil, message: "invalid YAML")
    }

    func testUnknownKeyWithHint() throws {
        // Unknown front-matter keys are allowed (page.KEY); a near miss of a known key is a warning.
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try TestSupport.write("---\ntitle: T\nathors: [x]\n---\nText\n", to: "brief.md", in: folder)
        let run = try TestSupport.folio(["render", source, "-o", folder.appendingPathComponent("b.pdf").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("\(source):3:1: warning: unknown front-matter key 'athors'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean 'authors'?"), run.stderr)
    }

    func testUnknownLayout() throws {
        try assertFails("---\nlayout: brefing\n---\nText\n", at: (2, 9), message: "unknown layout 'brefing'", hint: "did you mean 'briefing'?")
    }

    func testMissingDataFileAndImage() throws {
        try assertFails("---\ndata: [gone.yaml]\n---\nText\n", at: (2, 8), message: "does not exist")
        // A missing image is a warning (with a placeholder); --strict makes it an error.
        try assertFails("Text\n\n![Figure](figure.png)\n", arguments: ["--strict"], at: (3, 1), message: "does not exist")
    }

    func testDamagedImageIsAnErrorUnderStrict() throws {
        try assertFails("![Figure](figure.png)\n", files: ["figure.png": "GIF89a"], arguments: ["--strict"], at: (1, 1),
                        message: "is a damaged GIF file")
    }

    func testHugeImageDimensionsAreRefusedNotACrash() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        png += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        try Data(png).write(to: folder.appendingPathComponent("huge.png"))
        let source = try TestSupport.write("![Huge](huge.png)\n", to: "brief.md", in: folder)
        let run = try TestSupport.folio(["render", source, "--strict", "-o", folder.appendingPathComponent("out.pdf").path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("\(source):1:1: error: image 'huge.png' is 4294967295×4294967295 pixels"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.pdf").path))
    }

    func testOverlongTimelineDateIsAnError() throws {
        try assertFails("```timeline\nevents:\n  - { date: 99999999999999999999, label: X }\n```\n", at: (3, 13), message: "is outside the years 1–9999")
    }

    func testDeeplyNestedListsStillRender() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        var markdown = ""
        for depth in 0..<30 { markdown += String(repeating: "  ", count: depth) + "- level \(depth) with some words in it\n" }
        let source = try TestSupport.write(markdown, to: "deep.md", in: folder)
        let pdf = folder.appendingPathComponent("deep.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try TestSupport.pdfText(pdf).contains("level 29 with some words in it"))
    }

    func testEmptyFile() throws {
        try assertFails("\n\n", at: (1, 1), message: "is empty")
    }

    func testInvalidUTF8() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = folder.appendingPathComponent("bad.md")
        try Data("# Title\nok \u{00e9}\n".utf8 + [0xC3, 0x28]).write(to: source)
        let run = try TestSupport.folio(["render", source.path, "-o", folder.appendingPathComponent("x.pdf").path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("\(source.path):3:1: error: the briefing is not valid UTF-8"), run.stderr)
        XCTAssertEqual(TestSupport.files(in: folder), ["bad.md"])
    }

    func testDeepNestingIsRefusedNotACrash() throws {
        let nested = String(repeating: "> ", count: 400) + "deep\n"
        try assertFails(nested, at: nil, message: "nested deeper")
    }

    func testBadLayoutFileAndTableData() throws {
        try assertFails("---\nlayout: mine.yaml\n---\nText\n", files: ["mine.yaml": "page:\n  size: B9\n"], at: nil, message: "unknown page size 'B9'")
        try assertFails("---\ndata: d.yaml\n---\n```table\nuse: nope\n```\n", files: ["d.yaml": "tables: {}\n"], at: (5, 6), message: "no table 'nope'")
    }

    func testUnknownSetKey() throws {
        try assertFails("Text\n", arguments: ["--set", "titel=X"], at: nil, message: "unknown front-matter key 'titel'", hint: "did you mean 'title'?")
    }

    func testUsageErrorsExitTwo() throws {
        let run = try TestSupport.folio(["render", TestSupport.sampleBriefing, "--format", "gif"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(try TestSupport.folio(["render", TestSupport.sampleBriefing, "--dpi", "100000"]).status, 2)
    }

    func testMissingFontFallsBackWithAWarning() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write("fonts:\n  body: { family: \"No Such Font Family\" }\n", to: "Layouts/odd.yaml", in: folder)
        let source = try TestSupport.write("---\nlayout: odd\n---\nSome text 中文.\n", to: "brief.md", in: folder)
        let pdf = folder.appendingPathComponent("brief.pdf").path
        let run = try TestSupport.folio(["render", source, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("warning: font 'No Such Font Family'"), run.stderr)
        XCTAssertTrue(try TestSupport.pdfText(pdf).contains("Some text 中文."))
    }

    func testHelpExplainsTheCommands() throws {
        let help = try TestSupport.folio(["--help"])
        XCTAssertEqual(help.status, 0)
        for command in ["render", "charts", "batch", "check"] { XCTAssertTrue(help.stdout.contains(command), help.stdout) }
        let render = try TestSupport.folio(["render", "--help"])
        XCTAssertTrue(render.stdout.contains("--set <KEY=VALUE>") && render.stdout.contains("--dpi"), render.stdout)
    }

    func testCheckReportsWithoutWriting() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let good = try TestSupport.folio(["check", TestSupport.sampleBriefing], in: folder)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stdout.contains("ok ("), good.stdout)
        let bad = try TestSupport.write("---\ntitle: T\ndate: nope\n---\nText\n", to: "b.md", in: folder)
        let run = try TestSupport.folio(["check", bad], in: folder)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("\(bad):3:7: error:"), run.stderr)
        XCTAssertEqual(TestSupport.files(in: folder), ["b.md"])
    }

    func testOneCharacterPathsAreNotACrash() throws {
        // Foundation's deletingLastPathComponent traps on one-character paths (`-o -` used to exit 132).
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write("# A\n\nText.\n", to: "a", in: folder)
        let run = try TestSupport.folio(["render", "a", "-o", "b"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try Data(contentsOf: folder.appendingPathComponent("b")).starts(with: Data("%PDF".utf8)))
    }

    func testOutputNamingAFolderIsAnErrorNamingIt() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try TestSupport.write("# A\n\nText.\n", to: "a.md", in: folder)
        let run = try TestSupport.folio(["render", source, "-o", folder.path])
        XCTAssertEqual(run.status, 1, run.stdout)
        XCTAssertTrue(run.stderr.contains("cannot write '\(folder.path)': it is a folder"), run.stderr)
    }
}
