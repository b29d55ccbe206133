@testable import Folio
@testable import FolioCairo
import FolioTestSupport
import Foundation
import XCTest

/// The tagging pass drops Cairo's own structure elements before qpdf reads them (Folio's tree
/// replaces Cairo's): the written PDF must be byte for byte the one made by reading and discarding
/// them, and the drop must really happen (a later Cairo writing its elements differently would
/// silently lose half the pass's speed).
final class CairoTreeDropTests: XCTestCase {
    func testDroppingCairosElementsUnreadChangesNoByte() throws {
        let sample = try SamplePDFWriting()
        func pdf(dropping: Bool) throws -> (bytes: [UInt8], dropped: Int) {
            let written = try sample.pdf { $0.dropsCairoElements = dropping }
            return (written.bytes, written.writer.droppedCairoElements)
        }
        let dropped = try pdf(dropping: true), read = try pdf(dropping: false)
        XCTAssertEqual(dropped.bytes, read.bytes, "the same file either way")
        XCTAssertGreaterThan(dropped.dropped, 200, "Cairo's elements of the sample's structure were found and dropped")
        XCTAssertEqual(read.dropped, 0)
        let folder = try TestSupport.temporaryFolder(for: self)
        let path = folder.appendingPathComponent("sample.pdf")
        try Data(dropped.bytes).write(to: path)
        let check = try TestSupport.run(["qpdf", "--check", path.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let info = try TestSupport.run(["pdfinfo", path.path])
        XCTAssertTrue(info.stdout.contains("Tagged:          yes"), info.stdout)
    }
}
