// Fuzzes the Markdown body: parsed beneath a fixed front matter that loads the sample's data files
// (so `table`, `timeline` and `orgchart` fences can `use:` them), then laid out with the
// fixed-advance measurer (every page built; no Pango, so thousands of inputs a second).
import FolioDisplay
import FolioLayout
import FolioModel
import FuzzSupport

let frontMatter = "---\ndata: [llama-data.yaml, llama-timeline.yaml, llama-org.yaml]\n---\n"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let body = FuzzInput.text(start, count) else { return 0 }
    let text = frontMatter + body
    let path = Fixtures.briefingPath
    Oracle.run(text: text, path: path) {
        let briefing = try BriefingLoader.load(text: text, path: path)
        let document = try DocumentLayout.layout(briefing, measurer: FixedAdvanceMeasurer())
        for number in 1...max(1, document.pageCount) where number <= document.pageCount {
            _ = document.page(number)
        }
    }
    return 0
}
