// Fuzzes the whole render: a briefing (front matter and body) loaded beside the sample's data
// files, laid out with Pango (two shaping threads, as `folio render` does; FOLIO_FUZZ_SERIAL=1 for
// one) and drawn into a PDF in a private scratch file.
import Foundation
import Folio
import FuzzSupport

/// Built once: fonts and the measurer are costly (libFuzzer calls the target on one thread).
nonisolated(unsafe) let renderer: Renderer? = try? Renderer(
    shapesInParallel: ProcessInfo.processInfo.environment["FOLIO_FUZZ_SERIAL"] != "1")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let text = FuzzInput.text(start, count), let renderer else { return 0 }
    let path = Fixtures.briefingPath
    Oracle.run(text: text, path: path) {
        let log = DiagnosticLog()
        let briefing = try BriefingLoader.load(text: text, path: path, log: log)
        let document = try renderer.layout(briefing, log: log)
        try renderer.writePDF(document, to: Fixtures.scratchPDF)
    }
    return 0
}
