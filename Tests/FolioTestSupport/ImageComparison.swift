import Folio
import Foundation
import XCTest

/// Compares a rendered PNG with a reference PNG, tile by tile; records only on request.
///
/// Each pixel is compared with the 3×3 neighbourhood of the same place in the other image: its
/// difference is how far each channel lies outside the range of values found there, taken both
/// ways (actual against reference, reference against actual). Antialiasing and moves of up to one
/// pixel stay inside that range (less half its contrast, as antialiasing spreads a thin stroke over two
/// half-dark pixels); ink that appears or disappears, against a blank neighbourhood, does not. The image is then cut
/// into overlapping tiles (`Tolerance.tileSize`, half a tile apart) and a tile with more than
/// `Tolerance.pixelsPerTile` differing pixels fails: a blanked word or label fails its tile however
/// large the page is, where a page-wide fraction would let it through.
///
/// `FOLIO_RECORD=1` (re)writes references. Otherwise a missing reference fails and writes nothing
/// into the references folder; a failure writes `Tests/Failures/NAME` (expected | actual | diff,
/// differing pixels red) and `Tests/Failures/actual-NAME`.
public enum ImageComparison {
    /// How much two images may differ.
    public struct Tolerance: Sendable {
        /// A pixel differs when a channel lies this far outside its neighbourhood's range in the other image.
        public var pixelDifference = 80
        /// Side of the square tiles counted (they overlap by half).
        public var tileSize = 32
        /// Differing pixels a tile may hold.
        public var pixelsPerTile = 4

        public init() {}
    }

    /// What a comparison found.
    public struct Result: Sendable {
        /// The largest per-pixel difference (0…255) after neighbourhood matching.
        public var maximumDifference: Int
        /// Pixels whose difference exceeds the tolerance.
        public var differingPixels: Int
        /// Tiles holding more differing pixels than allowed.
        public var failingTiles: Int
        /// The tile with most differing pixels: its top-left corner and its count.
        public var worstTile: (x: Int, y: Int, pixels: Int)
        /// Per-pixel differences, row-major (for the diff image).
        public var differences: [UInt8]
        /// The tolerance's `pixelDifference`.
        public var threshold: Int

        public var passes: Bool { failingTiles == 0 }

        public var summary: String {
            "\(failingTiles) tile(s) differ; worst at (\(worstTile.x), \(worstTile.y)) with \(worstTile.pixels) differing pixels; "
                + "\(differingPixels) differing pixels in all; maximum difference \(maximumDifference)"
        }
    }

    /// Compares two images of the same size; nil when their sizes differ.
    public static func compare(_ actual: TestImage, _ reference: TestImage, tolerance: Tolerance = Tolerance()) -> Result? {
        guard actual.width == reference.width, actual.height == reference.height else { return nil }
        let width = actual.width, height = actual.height
        var differences = [UInt8](repeating: 0, count: width * height)
        actual.rgb.withUnsafeBufferPointer { a in
            reference.rgb.withUnsafeBufferPointer { r in
                for y in 0..<height {
                    let top = max(0, y - 1), bottom = min(height - 1, y + 1)
                    for x in 0..<width {
                        let left = max(0, x - 1), right = min(width - 1, x + 1)
                        var worst = 0
                        for channel in 0..<3 {
                            let index = (y * width + x) * 3 + channel
                            var loA = 255, hiA = 0, loR = 255, hiR = 0
                            for ny in top...bottom {
                                for nx in left...right {
                                    let n = (ny * width + nx) * 3 + channel
                                    let va = Int(a[n]), vr = Int(r[n])
                                    loA = min(loA, va); hiA = max(hiA, va)
                                    loR = min(loR, vr); hiR = max(hiR, vr)
                                }
                            }
                            // Half the neighbourhood's contrast is slack: antialiasing spreads a thin
                            // stroke over two half-dark pixels. A blank neighbourhood has none.
                            let va = Int(a[index]), vr = Int(r[index])
                            let slackR = (hiR - loR) / 2, slackA = (hiA - loA) / 2
                            worst = max(worst, loR - va - slackR, va - hiR - slackR, loA - vr - slackA, vr - hiA - slackA)
                        }
                        differences[y * width + x] = UInt8(worst)
                    }
                }
            }
        }
        // Differing pixels per cell of half a tile; a tile is 2×2 cells.
        let cell = max(1, tolerance.tileSize / 2)
        let columns = (width + cell - 1) / cell, rows = (height + cell - 1) / cell
        var counts = [Int](repeating: 0, count: columns * rows)
        var differing = 0, maximum = 0
        for y in 0..<height {
            for x in 0..<width {
                let value = Int(differences[y * width + x])
                maximum = max(maximum, value)
                if value > tolerance.pixelDifference {
                    differing += 1
                    counts[(y / cell) * columns + x / cell] += 1
                }
            }
        }
        var failing = 0
        var worst = (x: 0, y: 0, pixels: 0)
        for row in 0..<max(1, rows - 1) {
            for column in 0..<max(1, columns - 1) {
                var sum = 0
                for (dr, dc) in [(0, 0), (0, 1), (1, 0), (1, 1)] where row + dr < rows && column + dc < columns {
                    sum += counts[(row + dr) * columns + column + dc]
                }
                if sum > tolerance.pixelsPerTile { failing += 1 }
                if sum > worst.pixels { worst = (column * cell, row * cell, sum) }
            }
        }
        return Result(maximumDifference: maximum, differingPixels: differing, failingTiles: failing, worstTile: worst,
                      differences: differences, threshold: tolerance.pixelDifference)
    }

    /// Compares two PNG files; nil when either is unreadable or their sizes differ.
    public static func compare(actual: String, reference: String, tolerance: Tolerance = Tolerance()) -> Result? {
        guard let a = TestImage(contentsOfPNG: actual), let b = TestImage(contentsOfPNG: reference) else { return nil }
        return compare(a, b, tolerance: tolerance)
    }

    /// Whether references are being (re)recorded (`FOLIO_RECORD=1`).
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["FOLIO_RECORD"] == "1" }

    /// Where failures are written for inspection.
    public static var failureFolder: URL { TestSupport.repoRoot.appendingPathComponent("Tests/Failures") }

    /// What checking an image against its reference came to.
    public enum Verdict {
        case matches(Result)
        /// Written as the new reference (`FOLIO_RECORD=1`).
        case recorded
        /// The rendered image could not be read.
        case unreadable
        /// No reference: nothing was recorded; the actual image was kept at the path.
        case missingReference(kept: String)
        case sizeDiffers(actual: (Int, Int), reference: (Int, Int), kept: String)
        /// Too different: expected | actual | diff written at the path.
        case differs(Result, diff: String)

        /// The failure message, or nil when the image passed.
        public var failure: String? {
            switch self {
            case .matches, .recorded: nil
            case .unreadable: "the rendered image is unreadable"
            case .missingReference(let kept): "no reference image (actual kept at \(kept)); run with FOLIO_RECORD=1 to record it"
            case .sizeDiffers(let a, let r, let kept):
                "size \(a.0)×\(a.1) differs from the reference's \(r.0)×\(r.1) (actual kept at \(kept))"
            case .differs(let result, let diff): "\(result.summary) (expected | actual | diff in \(diff))"
            }
        }
    }

    /// Checks the PNG `actual` against the reference `name` in `folder`. Only `recording` writes
    /// into `folder`; failures are written into `failureFolder`.
    public static func check(_ actual: String, reference name: String, in folder: URL, tolerance: Tolerance = Tolerance(),
                             recording: Bool = isRecording) throws -> Verdict {
        let reference = folder.appendingPathComponent(name).path
        if recording {
            try? FileManager.default.removeItem(atPath: reference)
            try FileManager.default.copyItem(atPath: actual, toPath: reference)
            print("recorded reference \(reference)")
            return .recorded
        }
        guard let actualImage = TestImage(contentsOfPNG: actual) else { return .unreadable }
        guard let expected = TestImage(contentsOfPNG: reference) else {
            return .missingReference(kept: keep(actual: actualImage, name: name))
        }
        guard let result = compare(actualImage, expected, tolerance: tolerance) else {
            return .sizeDiffers(actual: (actualImage.width, actualImage.height), reference: (expected.width, expected.height),
                                kept: keep(actual: actualImage, name: name))
        }
        if result.passes { return .matches(result) }
        _ = keep(actual: actualImage, name: name)
        return .differs(result, diff: writeDiff(expected: expected, actual: actualImage, result: result, name: name))
    }

    /// Asserts that the PNG `actual` matches the reference `name` in `folder` (see `check`).
    public static func assertMatches(_ actual: String, reference name: String, in folder: URL, tolerance: Tolerance = Tolerance(),
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        if let failure = try check(actual, reference: name, in: folder, tolerance: tolerance).failure {
            XCTFail("\(name): \(failure)", file: file, line: line)
        }
    }

    /// Writes `actual-NAME` into the failure folder; returns its path.
    static func keep(actual: TestImage, name: String) -> String {
        let folder = failureFolder
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("actual-" + name).path
        try? actual.writePNG(to: target)
        return target
    }

    /// Writes expected | actual | diff side by side into the failure folder; returns its path.
    @discardableResult
    public static func writeDiff(expected: TestImage, actual: TestImage, result: Result, name: String) -> String {
        var diff = TestImage(width: expected.width, height: expected.height)
        let threshold = result.threshold
        for y in 0..<diff.height {
            for x in 0..<diff.width {
                let value = Int(result.differences[y * diff.width + x])
                if value > threshold {
                    diff[x, y, 0] = 230; diff[x, y, 1] = 0; diff[x, y, 2] = 0
                } else if value > 0 {
                    let light = UInt8(max(0, 220 - value * 2))
                    diff[x, y, 0] = 255; diff[x, y, 1] = light; diff[x, y, 2] = light
                } else {
                    // The reference, faded, so the red marks can be placed.
                    let faded = UInt8(255 - expected.ink(x: x, y: y) / 5)
                    for channel in 0..<3 { diff[x, y, channel] = faded }
                }
            }
        }
        let folder = failureFolder
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent(name).path
        try? TestImage.sideBySide([expected, actual, diff]).writePNG(to: target)
        return target
    }
}
