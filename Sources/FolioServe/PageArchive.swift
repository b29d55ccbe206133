import Foundation
import ZIPFoundation

/// Several rendered pages as one zip (`NAME-001.png`, …), built in memory.
enum PageArchive {
    static func zip(_ pages: [Data], name: String, fileExtension: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let fixedDate = Date(timeIntervalSince1970: 1_000_000_000)
        for (index, page) in pages.enumerated() {
            let entry = String(format: "%@-%03d.%@", name, index + 1, fileExtension)
            try archive.addEntry(with: entry, type: .file, uncompressedSize: Int64(page.count), modificationDate: fixedDate,
                                 compressionMethod: fileExtension == "svg" ? .deflate : .none) { position, size in
                page.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw RequestError("cannot build the zip") }
        return data
    }
}
