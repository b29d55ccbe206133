import Foundation

/// `folio_highlight` of the FolioHighlight shared library (the CSourceHighlight target), loaded on
/// the first code block that asks for highlighting.
///
/// GNU source-highlight pulls in boost's regex library and ICU; linked into `folio`, loading them
/// cost every run about 14 ms at start (`folio --version`: 33 → 16 ms without them), highlighting
/// or not. The library is looked for beside the running executable (`.build/release`,
/// `.build/debug`), in `../lib/folio` from it (an installation), then on the loader's own path.
enum SyntaxHighlighterLibrary {
    /// `folio_highlight(lang_path, text, length, context, piece, error, error_size)`: see folio_highlight.h.
    typealias Piece = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int, Int) -> Void
    typealias Highlight = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int, UnsafeMutableRawPointer?, Piece?,
                                          UnsafeMutablePointer<CChar>?, Int) -> Int32

    static let fileName = "libFolioHighlight.so"

    /// The function, or nil when the library is not found (code is then set plain).
    static let highlight: Highlight? = {
        for path in candidates {
            guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { continue }
            if let symbol = dlsym(handle, "folio_highlight") { return unsafeBitCast(symbol, to: Highlight.self) }
            dlclose(handle)
        }
        return nil
    }()

    /// Where the library is looked for, in order.
    static var candidates: [String] {
        var paths: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let folder = (executable as NSString).deletingLastPathComponent
            paths.append(folder + "/" + fileName)
            paths.append((folder as NSString).deletingLastPathComponent + "/lib/folio/" + fileName)
        }
        paths.append(fileName)
        return paths
    }
}
