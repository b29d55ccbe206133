import FolioTestSupport
import Foundation
import XCTest

/// The Dockerfile (which cannot be built here) installs what Scripts/setup installs: its build
/// stage runs Scripts/setup itself, and its runtime stage has the library behind every -dev
/// package and every font and hyphenation package.
final class DockerfileTests: XCTestCase {
    /// The runtime packages (Debian 12) that each -dev package of Scripts/setup needs at run time.
    static let runtimeOf: [String: [String]] = [
        "libcairo2-dev": ["libcairo2"],
        "libpango1.0-dev": ["libpango-1.0-0", "libpangocairo-1.0-0", "libpangoft2-1.0-0"],
        "libcmark-gfm-dev": ["libcmark-gfm0.29.0.gfm.6"],
        "libcmark-gfm-extensions-dev": ["libcmark-gfm-extensions0.29.0.gfm.6"],
        "libhyphen-dev": ["libhyphen0"],
        "libpng-dev": ["libpng16-16"],
        "libyaml-dev": ["libyaml-0-2"],
        "libqpdf-dev": ["libqpdf29"],
        "libdeflate-dev": ["libdeflate0"],
        "libsource-highlight-dev": ["libsource-highlight4v5", "libsource-highlight-common", "libboost-regex1.74.0"],
        "librsvg2-dev": ["librsvg2-2"],
        "libgdk-pixbuf-2.0-dev": ["libgdk-pixbuf-2.0-0"],
    ]
    /// Packages of Scripts/setup needed only to build or test (not in the runtime image).
    static let buildOrTestOnly: Set = ["pkg-config", "poppler-utils", "qpdf", "binutils", "bc", "wrk", "chromium", "chromium-driver"]

    static func setupPackages() throws -> [String] {
        let text = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Scripts/setup"), encoding: .utf8)
        guard let start = text.range(of: "packages=("), let end = text.range(of: ")", range: start.upperBound..<text.endIndex) else {
            throw NSError(domain: "Scripts/setup has no packages=( … ) list", code: 1)
        }
        return text[start.upperBound..<end.lowerBound].split(whereSeparator: \.isWhitespace).map(String.init)
    }

    static func dockerfile() throws -> String {
        try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Dockerfile"), encoding: .utf8)
    }

    /// The packages of the runtime stage's `apt-get install` (after the last FROM).
    static func runtimePackages(_ dockerfile: String) throws -> Set<String> {
        guard let lastFrom = dockerfile.range(of: "\nFROM ", options: .backwards),
              let install = dockerfile.range(of: "apt-get install", range: lastFrom.upperBound..<dockerfile.endIndex) else {
            throw NSError(domain: "no runtime apt-get install", code: 1)
        }
        let rest = dockerfile[install.upperBound...]
        let command = rest.prefix { $0 != "&" }   // up to the next `&&`
        return Set(command.replacingOccurrences(of: "\\\n", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
            .filter { !$0.hasPrefix("-") && $0 != "\\" })
    }

    func testBuildStageRunsScriptsSetup() throws {
        let text = try Self.dockerfile()
        XCTAssertTrue(text.contains("RUN bash Scripts/setup"), "the build stage installs exactly Scripts/setup's packages")
        XCTAssertTrue(text.contains("--static-swift-stdlib"), "the binary carries the Swift runtime")
        XCTAssertTrue(text.contains("FROM debian:bookworm-slim"), "a Debian slim runtime image")
    }

    func testRuntimeStageMatchesScriptsSetup() throws {
        let setup = try Self.setupPackages()
        XCTAssertGreaterThan(setup.count, 10)
        let runtime = try Self.runtimePackages(Self.dockerfile())
        var expected: Set<String> = ["ca-certificates"]
        for package in setup where !Self.buildOrTestOnly.contains(package) {
            if package.hasSuffix("-dev") {
                let libraries = try XCTUnwrap(Self.runtimeOf[package], "\(package) is new in Scripts/setup: add its runtime package to the Dockerfile and this map")
                expected.formUnion(libraries)
            } else {
                expected.insert(package)
            }
        }
        XCTAssertEqual(runtime.subtracting(expected).sorted(), [], "the Dockerfile installs packages Scripts/setup does not name")
        XCTAssertEqual(expected.subtracting(runtime).sorted(), [], "the Dockerfile lacks packages of Scripts/setup")
    }

    func testRuntimeLibrariesAreTheOnesInstalledHere() throws {
        // Where the -dev package is installed (always, after Scripts/setup), its runtime package is too:
        // the names in the map are real Debian 12 package names.
        for libraries in Self.runtimeOf.values {
            for library in libraries {
                let result = try TestSupport.run(["dpkg-query", "-W", "-f=${Status}", library])
                XCTAssertTrue(result.stdout.contains("install ok installed"), "\(library): \(result.stdout)\(result.stderr)")
            }
        }
    }
}
