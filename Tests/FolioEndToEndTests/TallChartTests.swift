import FolioTestSupport
import Foundation
import XCTest

/// `folio charts` of a chart taller than a PNG can be (Cairo's 32,767-pixel side): a lower scale
/// with a warning at the fence, or, when that would not be legible, an error at the fence.
final class TallChartTests: XCTestCase {
    /// A briefing whose timeline has `lanes` lanes, one event each; the fence is at line 6.
    func timeline(lanes: Int, in folder: URL) throws -> String {
        var data = "timelines:\n  big:\n    lanes: [" + (0..<lanes).map { "L\($0)" }.joined(separator: ", ") + "]\n    events:\n"
        for index in 0..<lanes { data += "      - { date: 2024-\(String(format: "%02d", index % 12 + 1)), label: E\(index), lane: L\(index) }\n" }
        try TestSupport.write(data, to: "d.yaml", in: folder)
        return try TestSupport.write("---\ndata: d.yaml\n---\n# T\n\n```timeline\nuse: big\n```\n", to: "t.md", in: folder)
    }

    /// Width and height from a PNG's header.
    func pngSize(_ path: String) throws -> (Int, Int) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)).prefix(24))
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    func testThousandLaneTimelinePNGIsWrittenAtALowerScaleWithAWarningAtTheFence() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try timeline(lanes: 1_000, in: folder)
        let output = folder.appendingPathComponent("out")
        let run = try TestSupport.folio(["charts", source, "-o", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("\(source):6:1: warning: "), run.stderr)
        XCTAssertTrue(run.stderr.range(of: #"written at scale 1\.\d+ instead of 2"#, options: .regularExpression) != nil, run.stderr)
        let (width, height) = try pngSize(output.appendingPathComponent("t-big.png").path)
        XCTAssertLessThanOrEqual(height, 32_767)
        XCTAssertGreaterThan(height, 30_000, "scaled down further than needed")
        XCTAssertGreaterThan(width, 500)
    }

    func testTimelineTooTallForALegiblePNGIsAnErrorAtTheFence() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try timeline(lanes: 3_000, in: folder)
        let output = folder.appendingPathComponent("out")
        let run = try TestSupport.folio(["charts", source, "-o", output.path])
        XCTAssertEqual(run.status, 1, run.stdout)
        XCTAssertTrue(run.stderr.hasPrefix("\(source):6:1: error: the chart is "), run.stderr)
        XCTAssertFalse(run.stderr.contains("cairo"), run.stderr)
        XCTAssertEqual(TestSupport.files(in: output), [])
        // The same chart as PDF has no pixel limit.
        let pdf = try TestSupport.folio(["charts", source, "-o", output.path, "--format", "pdf"])
        XCTAssertEqual(pdf.status, 0, pdf.stderr)
    }
}
