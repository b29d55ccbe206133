import CFolioPDFTags
import FolioBundle
import Foundation

/// The FolioPDFTags shared library (`libFolioPDFTags.so`: the tagging pass, C++ on qpdf), opened on
/// the first PDF rather than linked.
///
/// Linked, qpdf and what it pulls in (gnutls, nettle, gmp, p11-kit, libjpeg) cost every run about
/// 7 ms in the dynamic loader before `main`; charts, PNG and SVG pages, `check` and `--version`
/// never use them. The library's one exported table (`folio_pdf_tags_functions`) holds the rest.
/// A PDF cannot be written without it: that is an error naming where it was looked for.
enum PDFTagsLibrary {
    static let fileName = "libFolioPDFTags.so"

    /// The library's functions, or why they are missing.
    static let functions: Result<folio_pdf_tags_table, RenderError> = {
        let (handle, tried) = BundledLibrary.open(fileName)
        guard let handle else {
            return .failure(.io("cannot open \(fileName), which writes every PDF's structure (tried: \(tried.joined(separator: "; "))); "
                + "it is built beside folio by `make build` (`swift build --product FolioPDFTags`), or linked by adding the "
                + "FolioPDFTags product to a program's dependencies"))
        }
        typealias Lookup = @convention(c) () -> UnsafePointer<folio_pdf_tags_table>?
        guard let symbol = dlsym(handle, "folio_pdf_tags_functions"),
              let table = unsafeBitCast(symbol, to: Lookup.self)(), table.pointee.version == FOLIO_PDF_TAGS_VERSION else {
            return .failure(.io("\(fileName) is from another version of folio (rebuild both: make build)"))
        }
        return .success(table.pointee)
    }()
}
