// swift-tools-version:6.0
// An application that links Folio as a library and renders from memory (docs/library.md).
// Built by `make test` (Makefile target `example`).
import PackageDescription

let package = Package(
    name: "LibraryClient",
    dependencies: [
        .package(name: "Folio", path: "../.."),
    ],
    targets: [
        // FolioPDFTags: the tagging library every PDF needs (folio opens it on demand; a program links it).
        .executableTarget(name: "folio-memory-example", dependencies: [
            .product(name: "Folio", package: "Folio"), .product(name: "FolioPDFTags", package: "Folio"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
