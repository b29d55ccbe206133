// Fuzzes the data-file loader (FORMATS.md section 2). The first byte picks the file's name and so
// its format: 'j' → .json, 'c' → .csv, anything else → .yaml; the rest is the file's text. Until the
// loader reads JSON and CSV (the templates work), those names go through the YAML reader.
import FolioModel
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzData(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let (selector, text) = FuzzInput.selector(start, count) else { return 0 }
    let name: String
    switch selector {
    case UInt8(ascii: "j"): name = "fuzz-input.json"
    case UInt8(ascii: "c"): name = "fuzz-input.csv"
    default: name = "fuzz-input.yaml"
    }
    let path = Fixtures.briefingFolder + "/" + name
    Oracle.run(text: text, path: path) {
        var data = DataSet()
        try DataSetLoader.load(text: text, path: path, into: &data)
    }
    return 0
}
