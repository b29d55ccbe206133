// Data charts end to end: one reference PNG per kind, exports in every format, and errors from the command line.
import Foundation
import FolioCairo
import FolioTestSupport
import XCTest

final class DataChartTests: XCTestCase {
    static var example: String { TestSupport.repoRoot.appendingPathComponent("Assets/charts/data-charts.md").path }
    static let kinds = ["grouped", "stacked", "horizontal", "line", "area", "scatter"]

    func testEveryKindMatchesItsReference() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let run = try TestSupport.folio(["charts", Self.example, "--scale", "1.5", "-o", folder.path], environment: TestSupport.pinnedFonts)
        XCTAssertEqual(run.status, 0, run.stderr)
        for id in Self.kinds {
            let png = folder.appendingPathComponent("data-charts-\(id).png").path
            let image = try XCTUnwrap(RasterImage(contentsOfPNG: png))
            XCTAssertGreaterThan(image.width, 400)
            try ImageComparison.assertMatches(png, reference: "datachart-\(id).png", in: PageImageTests.references)
        }
    }

    func testChartsExportAsSVGAndPDFWithTheirLabels() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let run = try TestSupport.folio(["charts", Self.example, "--only", "grouped", "--format", "pdf", "--format", "svg", "-o", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(TestSupport.files(in: folder), ["data-charts-grouped.pdf", "data-charts-grouped.svg"])
        let text = try TestSupport.pdfText(folder.appendingPathComponent("data-charts-grouped.pdf").path)
        for label in ["Revenue by quarter", "EMEA", "APAC", "Americas", "Q1", "Q2", "Q3", "Q4", "Euros", "0", "5k", "10k", "15k", "20k"] {
            XCTAssertTrue(text.contains(label), "missing \(label) in \(text)")
        }
    }

    func testFiguresAreNumberedInTheDocument() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let pdf = folder.appendingPathComponent("charts.pdf").path
        let run = try TestSupport.folio(["render", Self.example, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try TestSupport.pdfText(pdf)
        XCTAssertTrue(text.contains("Figure 1. Revenue by quarter and region"))
        XCTAssertTrue(text.contains("Figure 6. Satisfaction against customers"))
    }

    func testMisspeltFenceAndBadValuesArePositionedErrors() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        try "a,b\nx,1\ny,two\n".write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let typo = folder.appendingPathComponent("typo.md")
        try "---\ntitle: T\n---\n\n```barchart\nuse: t\n```\n".write(to: typo, atomically: true, encoding: .utf8)
        var run = try TestSupport.folio(["render", typo.path, "-o", folder.appendingPathComponent("typo.pdf").path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("typo.md:5:1: error: unknown fence 'barchart'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean 'chart'?"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("typo.pdf").path))
        let bad = folder.appendingPathComponent("bad.md")
        try "---\ntitle: T\ndata: t.csv\n---\n\n```chart\ntype: bar\nuse: t\nx: a\ny: b\n```\n".write(to: bad, atomically: true, encoding: .utf8)
        run = try TestSupport.folio(["render", bad.path, "-o", folder.appendingPathComponent("bad.pdf").path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("t.csv:3:1: error: 'two' in column 'b' of table 't' is not a number"), run.stderr)
    }

    func testLayoutOverridesTheSeriesColours() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        try "colors: { series: [\"#ff0000\", \"#00ff00\"] }\n".write(to: folder.appendingPathComponent("red.yaml"), atomically: true, encoding: .utf8)
        try "---\ntitle: T\nlayout: ./red.yaml\n---\n\n```chart\ntype: bar\ndata: [{ k: A, v: 3 }, { k: B, v: 5 }]\nx: k\ny: v\nid: red\n```\n"
            .write(to: folder.appendingPathComponent("red.md"), atomically: true, encoding: .utf8)
        let run = try TestSupport.folio(["charts", folder.appendingPathComponent("red.md").path, "-o", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let image = try XCTUnwrap(RasterImage(contentsOfPNG: folder.appendingPathComponent("red-red.png").path))
        var red = 0, blue = 0
        for y in stride(from: 0, to: image.height, by: 3) {
            for x in stride(from: 0, to: image.width, by: 3) {
                let p = image.pixel(x: x, y: y)
                if p.r > 240, p.g < 20, p.b < 20 { red += 1 }
                if p.r < 10, p.g > 100, p.g < 130, p.b > 170 { blue += 1 }
            }
        }
        XCTAssertGreaterThan(red, 100, "the layout's first series colour fills the bars")
        XCTAssertEqual(blue, 0, "no Okabe–Ito blue left")
    }
}
