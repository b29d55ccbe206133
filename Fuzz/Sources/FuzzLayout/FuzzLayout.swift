// Fuzzes layout files (FORMATS.md section 3): applied over the built-in defaults as
// `LayoutLoader` does, then a short fixed briefing is laid out with them by the Pango measurer
// (extreme sizes, margins and fonts reach line breaking and pagination).
import Folio
import FuzzSupport

/// Built once: fonts and the measurer are costly (libFuzzer calls the target on one thread).
nonisolated(unsafe) let renderer: Renderer? = try? Renderer(shapesInParallel: false)
let sample: Briefing? = try? BriefingLoader.load(text: """
    ---
    title: Layout probe
    subtitle: A short briefing
    authors: [A. Author]
    date: 2025-11-01
    ---
    # First section

    A paragraph long enough to be broken into lines and hyphenated: the quick brown fox jumps
    over the lazy dog, *emphasis*, **strong**, `code` and a [link](https://example.com).

    - a list item
    - another

    > A quotation.

    | a | b |
    |---|---|
    | 1 | 2 |

    ## Second section

    ```
    code block
    ```
    """, path: Fixtures.briefingPath)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLayout(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let text = FuzzInput.text(start, count), let renderer, var briefing = sample else { return 0 }
    let path = Fixtures.briefingFolder + "/Layouts/fuzz-input.yaml"
    Oracle.run(text: text, path: path) {
        var spec = try LayoutLoader.defaults()
        try spec.apply(YAMLParsing.parse(text, file: path))
        briefing.layout = spec
        let document = try renderer.layout(briefing, log: DiagnosticLog())
        for number in 1...max(1, document.pageCount) where number <= document.pageCount {
            _ = document.page(number)
        }
    }
    return 0
}
