// Fuzzes the briefing loader with whole briefing files, front matter first: the `---` split, the
// front-matter YAML and its keys, data file references and layout names (nothing is laid out).
import FolioModel
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let text = FuzzInput.text(start, count) else { return 0 }
    let path = Fixtures.briefingPath
    Oracle.run(text: text, path: path) {
        _ = try BriefingLoader.load(text: text, path: path)
    }
    return 0
}
