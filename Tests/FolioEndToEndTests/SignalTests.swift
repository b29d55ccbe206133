import FolioTestSupport
import Foundation
import XCTest

/// SIGINT and SIGTERM in the middle of writing: the temporary is removed and the process ends by
/// that signal (its parent sees it), leaving nothing behind.
final class SignalTests: XCTestCase {
    /// A briefing long enough that writing its PDF takes a while (2,500 sections).
    func bigBriefing(in folder: URL) throws -> String {
        var text = "---\ntitle: Long\n---\n"
        for index in 1...2_500 {
            text += "## Section \(index)\n\nParagraph \(index) with some words to set and break across the line, "
            text += "enough to fill part of a page with text.\n\n"
        }
        return try TestSupport.write(text, to: "long.md", in: folder)
    }

    func assertSignalMidRenderLeavesNothing(_ number: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try bigBriefing(in: folder)
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.folioBinary)
        process.arguments = ["render", source, "-o", output.appendingPathComponent("long.pdf").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Signal once the PDF's temporary exists and has grown (pages are being written).
        let deadline = Date().addingTimeInterval(120)
        var sawTemporary = false
        while Date() < deadline, process.isRunning {
            let temporaries = TestSupport.files(in: output).filter { $0.contains(".tmp-") }
            if let name = temporaries.first,
               let size = try? FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(name).path)[.size] as? Int,
               size > 20_000 {
                sawTemporary = true
                break
            }
            usleep(2_000)
        }
        XCTAssertTrue(sawTemporary, "the render wrote no temporary to interrupt", file: file, line: line)
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, file: file, line: line)
        XCTAssertEqual(process.terminationStatus, number, "ended by another signal or status", file: file, line: line)
        XCTAssertEqual(TestSupport.files(in: output), [], "left behind", file: file, line: line)
    }

    func testSIGINTMidRenderRemovesTheTemporaryAndEndsBySIGINT() throws {
        try assertSignalMidRenderLeavesNothing(SIGINT)
    }

    func testSIGTERMMidRenderRemovesTheTemporaryAndEndsBySIGTERM() throws {
        try assertSignalMidRenderLeavesNothing(SIGTERM)
    }
}
