@testable import Folio
@testable import FolioCairo
import FolioTestSupport

/// The sample laid out once and written to PDF in memory, with the writer's tagging switches set
/// by the test (tests of the tagging pass compare two ways of writing the same document).
struct SamplePDFWriting {
    let renderer: Renderer
    let document: PagedDocument

    init() throws {
        renderer = try Renderer(shapesInParallel: false)
        document = try renderer.layout(source: TestSupport.sampleBriefing).0
    }

    /// The PDF's bytes, written by a writer that `configure` set up; and that writer.
    func pdf(_ configure: (PDFWriter) -> Void) throws -> (bytes: [UInt8], writer: PDFWriter) {
        let sink = MemorySink()
        let writer = try PDFWriter(sink: sink, firstPageSize: document.pageSize, metadata: renderer.pdfMetadata(document), fonts: renderer.fonts)
        configure(writer)
        for number in 1...document.pageCount { try writer.add(document.page(number)) }
        try writer.finish()
        return (sink.bytes, writer)
    }
}
