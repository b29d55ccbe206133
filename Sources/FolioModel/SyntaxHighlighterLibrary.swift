import FolioBundle
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
        guard let handle = BundledLibrary.open(fileName).handle else { return nil }
        guard let symbol = dlsym(handle, "folio_highlight") else { dlclose(handle); return nil }
        return unsafeBitCast(symbol, to: Highlight.self)
    }()
}
