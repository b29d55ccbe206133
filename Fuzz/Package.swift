// swift-tools-version:6.0
// Folio's fuzzers: one libFuzzer target per loader and one for the whole render (docs/fuzzing.md).
// Build (from the repository root): make fuzz-build, that is
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c release --sanitize=fuzzer \
//       -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address
import PackageDescription

/// A fuzzer: an executable whose only entry point is `LLVMFuzzerTestOneInput` (built with
/// `--sanitize=fuzzer`, SwiftPM lets libFuzzer supply `main`).
func fuzzer(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + dependencies)
}

let package = Package(
    name: "FolioFuzz",
    dependencies: [
        .package(name: "Folio", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "Folio", package: "Folio"),
            .product(name: "FolioBatch", package: "Folio"),
        ]),
        fuzzer("FuzzFrontMatter"),
        fuzzer("FuzzMarkdown"),
        fuzzer("FuzzData"),
        fuzzer("FuzzLayout"),
        fuzzer("FuzzBatchConfig"),
        // Writes PDFs: the tagging library is linked (folio itself opens it on the first PDF).
        fuzzer("FuzzRender", [.product(name: "FolioPDFTags", package: "Folio")]),
    ],
    swiftLanguageModes: [.v6]
)
