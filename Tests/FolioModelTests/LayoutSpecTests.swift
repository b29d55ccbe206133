import FolioModel
import FolioTestSupport
import XCTest

final class LayoutSpecTests: XCTestCase {
    func testBuiltInLayoutsMatchTheLayoutsFolder() throws {
        let folder = TestSupport.repoRoot.appendingPathComponent("Layouts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(Set(files.map { String($0.dropLast(5)) }), Set(BuiltinLayouts.sources.keys),
                       "run Scripts/embed-layouts after changing Layouts/")
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            XCTAssertEqual(BuiltinLayouts.sources[String(file.dropLast(5))].map { $0 + "\n" }, text,
                           "\(file) differs from its embedded copy; run Scripts/embed-layouts")
        }
    }

    func testDefaultAndLandscapeLayouts() throws {
        let a4 = try LayoutLoader.load("briefing", baseFolder: "/nonexistent", at: .start(of: "x"))
        XCTAssertEqual(a4.pageWidth, 595.276, accuracy: 0.01)
        XCTAssertEqual(a4.pageHeight, 841.89, accuracy: 0.01)
        XCTAssertTrue(a4.cover)
        let letter = try LayoutLoader.load("landscape", baseFolder: "/nonexistent", at: .start(of: "x"))
        XCTAssertEqual(letter.pageWidth, 792)
        XCTAssertEqual(letter.pageHeight, 612)
        XCTAssertFalse(letter.cover)
        XCTAssertEqual(letter.numbering, "1.1")
        XCTAssertEqual(letter.margins.left, 0.9 * 72, accuracy: 0.001)
        // Keys the landscape layout leaves out keep the briefing defaults.
        XCTAssertEqual(letter.mono.family, a4.mono.family)
    }

    func testSpecExampleLayoutIsAccepted() throws {
        let yaml = """
        page:
          size: A4                    # A4, A5, A3, Letter, Legal, or [210mm, 297mm]
          orientation: portrait       # or landscape
          margin: { top: 22mm, bottom: 22mm, left: 20mm, right: 20mm }
        fonts:
          body:    { family: "Noto Serif", size: 10.5pt }
          heading: { family: "Noto Sans", weight: bold }
          mono:    { family: "DejaVu Sans Mono", size: 9pt }
        colors: { text: "#1b1f24", accent: "#0b5cad", muted: "#57606a" }
        cover: true
        toc: { depth: 2 }             # or false
        headings: { numbering: "1.1" } # or false
        header: { left: "{title}", right: "{section}" }
        footer: { center: "Page {page} of {pages}" }
        """
        var spec = LayoutSpec()
        try spec.apply(YAMLParsing.parse(yaml, file: "spec.yaml"))
        XCTAssertEqual(spec.margins.top, 22 * 72 / 25.4, accuracy: 0.001)
        XCTAssertEqual(spec.body.size, 10.5)
        XCTAssertEqual(spec.heading.weight, 700)
        XCTAssertEqual(spec.footer.center, "Page {page} of {pages}")
        var custom = LayoutSpec()
        try custom.apply(YAMLParsing.parse("page: { size: [210mm, 148mm] }\ntoc: false\nheadings: false", file: "c.yaml"))
        XCTAssertEqual(custom.pageWidth, 595.276, accuracy: 0.01)
        XCTAssertEqual(custom.tocDepth, 0)
        XCTAssertNil(custom.numbering)
    }

    func testLayoutErrorsHavePositions() {
        func error(_ yaml: String) -> Diagnostic? {
            var spec = LayoutSpec()
            do { try spec.apply(YAMLParsing.parse(yaml, file: "l.yaml")) } catch { return error as? Diagnostic }
            return nil
        }
        XCTAssertEqual(error("page:\n  size: A6")?.location.line, 2)
        XCTAssertEqual(error("page:\n  margin: { top: 2furlongs }")?.message, "'2furlongs' is not a valid length")
        XCTAssertEqual(error("footer: { center: \"{pgae}\" }")?.hints, ["did you mean 'page'?"])
        XCTAssertEqual(error("colours: {}")?.hints, ["did you mean 'colors'?"])
    }

    func testLengthsAndTemplates() {
        XCTAssertEqual(Length.points("1in"), 72)
        XCTAssertEqual(Length.points("96px"), 72)
        XCTAssertEqual(Length.points("2.54cm") ?? 0, 72, accuracy: 1e-9)
        XCTAssertNil(Length.points("12 parsecs"))
        XCTAssertEqual(Template.expand("Page {page} of {pages} — {title}", values: ["page": "3", "pages": "9", "title": "T"]),
                       "Page 3 of 9 — T")
    }

    func testISODatesKeepPrecision() {
        XCTAssertEqual(ISODate(parsing: "2013")?.precision, .year)
        XCTAssertEqual(ISODate(parsing: "2023-02")?.longDescription, "February 2023")
        XCTAssertEqual(ISODate(parsing: "2024-04-18")?.longDescription, "18 April 2024")
        XCTAssertNil(ISODate(parsing: "2024-13-45"))
        XCTAssertNil(ISODate(parsing: "2023-02-29"))
        XCTAssertNotNil(ISODate(parsing: "2024-02-29"))
        XCTAssertNil(ISODate(parsing: "0000"))
        XCTAssertLessThan(ISODate(parsing: "2023-12-31")!.dayNumber, ISODate(parsing: "2024-01-01")!.dayNumber)
    }
}
