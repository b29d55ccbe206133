// swift-tools-version:6.0
// Folio: briefings (Markdown + YAML) to paged PDF, PNG and SVG through Cairo and Pango.
import PackageDescription

let package = Package(
    name: "Folio",
    products: [
        .library(name: "Folio", targets: ["Folio"]),
        .executable(name: "folio", targets: ["folio"]),
        // `folio serve` and `folio preview`, which folio hands over to this program (ServerProgram):
        // built and installed beside folio.
        .executable(name: "folio-serve", targets: ["folio-serve"]),
        // Batch configs and runs as a library: for the fuzzers in Fuzz/ (a separate package).
        .library(name: "FolioBatch", targets: ["FolioBatch"]),
        // Syntax highlighting (GNU source-highlight, boost and ICU behind it), loaded with dlopen
        // only when a code block asks for it: linked in, these libraries cost every run 14 ms at start.
        .library(name: "FolioHighlight", type: .dynamic, targets: ["CSourceHighlight"]),
        // The tagging pass (C++ on qpdf), loaded with dlopen when a PDF is written (PDFTagsLibrary):
        // linked, qpdf and gnutls behind it cost every run 7 ms at start. A program that links the
        // Folio library and writes PDFs adds this product to its dependencies.
        .library(name: "FolioPDFTags", type: .dynamic, targets: ["FolioPDFTags"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // Templates (Jinja-style) and CSV data files.
        .package(url: "https://github.com/stencilproject/Stencil.git", from: "0.15.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        // `folio serve` and `folio preview` only (the FolioServe target): HTTP, metrics, zip.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        // System libraries: Debian's -dev packages, installed by Scripts/setup.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // glibc's malloc.h (mallopt): part of libc, nothing to link.
        .systemLibrary(name: "CMalloc"),

        // GNU source-highlight (C++) behind a C interface: syntax highlighting of fenced code, built
        // as the FolioHighlight shared library (see SyntaxHighlighterLibrary).
        .target(name: "CSourceHighlight", linkerSettings: [.linkedLibrary("source-highlight"), .linkedLibrary("boost_regex")]),
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
        // Structure tree, artifacts, XMP and output intents that Cairo 1.16 cannot write (C++ on qpdf, C API).
        .target(name: "FolioPDFTags", dependencies: ["CQPDF"], linkerSettings: [.linkedLibrary("qpdf"), .linkedLibrary("deflate")]),
        // Its C interface alone, for Swift: nothing linked (see PDFTagsLibrary).
        .systemLibrary(name: "CFolioPDFTags"),
        // The process's surroundings: the shared libraries built beside folio (FolioHighlight,
        // FolioPDFTags), environment variables, and threads placed beside the caller (HelperThread).
        .target(name: "FolioBundle", dependencies: ["CThreads"]),
        // Threads started on another core than their parent's (HelperThread, PNG bands): C, for
        // the GNU affinity calls.
        .target(name: "CThreads"),
        // The printf formats Cairo writes PDF numbers with, exact and without glibc's general
        // machinery: the folio programs' own `__snprintf_chk` (C).
        .target(name: "CFastFormat"),

        // The pipeline: load → typeset/paginate → render.
        .target(name: "FolioModel", dependencies: [
            "Yams", "CCmark", "CLibYAML", "Stencil", .product(name: "CSV", package: "CSV.swift"), "FolioBundle",
        ]),
        .target(name: "FolioDisplay"),
        .target(name: "FolioCharts", dependencies: ["FolioModel", "FolioDisplay", "FolioBundle"]),
        .target(name: "FolioLayout", dependencies: ["FolioModel", "FolioDisplay", "FolioCharts"]),
        .target(name: "FolioCairo", dependencies: ["CCairo", "CPangoCairo", "CHyphen", "CPNG", "FolioDisplay", "CFolioPDFTags", "FolioBundle"]),
        .target(name: "Folio", dependencies: ["FolioModel", "FolioDisplay", "FolioCharts", "FolioLayout", "FolioCairo", "FolioBundle", "CMalloc"]),
        .target(name: "FolioBatch", dependencies: ["Folio", "Yams"]),
        // The HTTP render service and the live preview; Hummingbird stays out of the library product.
        .target(name: "FolioServe", dependencies: [
            "Folio", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Prometheus", package: "swift-prometheus"), "ZIPFoundation",
            .product(name: "MultipartKit", package: "multipart-kit"),
        ]),
        // What the two programs share: error reporting, --set and --param, exit statuses.
        .target(name: "FolioCommandLine", dependencies: [
            "Folio", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "folio", dependencies: [
            "Folio", "FolioBatch", "FolioCommandLine", "FolioBundle", "CFastFormat", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Its own program so that folio's other commands never load Hummingbird and SwiftNIO.
        .executableTarget(name: "folio-serve", dependencies: [
            "Folio", "FolioServe", "FolioCommandLine", "CFastFormat", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks/live: the in-memory API on the sample (Benchmarks/live/run.sh).
        .executableTarget(name: "folio-memory-bench", dependencies: ["Folio"], path: "Benchmarks/live/MemoryBench"),

        .target(name: "FolioTestSupport", dependencies: ["Folio"], path: "Tests/FolioTestSupport"),
        .testTarget(name: "FolioModelTests", dependencies: ["FolioModel", "FolioTestSupport", "Stencil", "FolioBundle", "CThreads", "CFastFormat",
                                                           .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "FolioLayoutTests", dependencies: ["FolioLayout", "FolioTestSupport"]),
        .testTarget(name: "FolioChartsTests", dependencies: ["FolioCharts", "FolioTestSupport"]),
        .testTarget(name: "FolioBatchTests", dependencies: ["FolioBatch", "FolioTestSupport"]),
        .testTarget(name: "FolioEndToEndTests", dependencies: ["Folio", "FolioTestSupport"],
                    exclude: ["References"]),
        .testTarget(name: "FolioLiveTests", dependencies: ["Folio", "FolioServe", "FolioTestSupport", "ZIPFoundation"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
