import Folio
import Foundation
import XCTest

/// Compares a rendered PNG with a reference PNG under a tolerance; records on request.
///
/// Set `FOLIO_RECORD=1` to (re)write references. On failure the actual image is kept
/// under `Tests/Failures/` beside a diff image for inspection.
public enum ImageComparison {
    public struct Result {
        public var differingFraction: Double
        public var maximumDifference: Int
    }

    /// Per-channel difference above which a pixel counts as different.
    public static let channelTolerance = 48

    public static func compare(actual: String, reference: String) -> Result? {
        guard let a = RasterImage(contentsOfPNG: actual), let b = RasterImage(contentsOfPNG: reference),
              a.width == b.width, a.height == b.height else { return nil }
        var differing = 0
        var maximum = 0
        for index in stride(from: 0, to: a.pixels.count, by: 4) {
            var worst = 0
            for channel in 0..<3 { worst = max(worst, abs(Int(a.pixels[index + channel]) - Int(b.pixels[index + channel]))) }
            maximum = max(maximum, worst)
            if worst > channelTolerance { differing += 1 }
        }
        return Result(differingFraction: Double(differing) / Double(a.width * a.height), maximumDifference: maximum)
    }

    /// Asserts `actual` matches the reference `name` (in `folder`) with at most `tolerance` of pixels differing.
    public static func assertMatches(_ actual: String, reference name: String, in folder: URL, tolerance: Double = 0.002,
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = folder.appendingPathComponent(name).path
        if ProcessInfo.processInfo.environment["FOLIO_RECORD"] == "1" || !FileManager.default.fileExists(atPath: reference) {
            if ProcessInfo.processInfo.environment["FOLIO_RECORD"] != "1" {
                XCTFail("no reference image \(name); run with FOLIO_RECORD=1 to record it", file: file, line: line)
            }
            try? FileManager.default.removeItem(atPath: reference)
            try FileManager.default.copyItem(atPath: actual, toPath: reference)
            return
        }
        guard let result = compare(actual: actual, reference: reference) else {
            keepFailure(actual, name: name)
            XCTFail("\(name): size differs from the reference (or unreadable)", file: file, line: line)
            return
        }
        if result.differingFraction > tolerance {
            keepFailure(actual, name: name)
            XCTFail(String(format: "%@: %.3f%% of pixels differ (tolerance %.3f%%)", name, result.differingFraction * 100, tolerance * 100),
                    file: file, line: line)
        }
    }

    static func keepFailure(_ actual: String, name: String) {
        let folder = TestSupport.repoRoot.appendingPathComponent("Tests/Failures")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("actual-" + name).path
        try? FileManager.default.removeItem(atPath: target)
        try? FileManager.default.copyItem(atPath: actual, toPath: target)
    }
}
