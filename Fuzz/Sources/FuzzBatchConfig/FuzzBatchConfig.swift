// Fuzzes batch configs (FORMATS.md section 4, docs/batch.md): keys, defaults, jobs, the matrix
// expansion and job names, loaded as if the config sat at the repository root beside reports.yaml
// (its briefings and layouts resolve; nothing is built or written).
import FolioBatch
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBatchConfig(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let text = FuzzInput.text(start, count) else { return 0 }
    let path = Fixtures.batchConfigPath
    Oracle.run(text: text, path: path) {
        _ = try BatchConfigLoader.load(text: text, path: path)
    }
    return 0
}
