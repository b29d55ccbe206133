import Foundation

/// Reads a PNG's pixel size from its IHDR chunk without decoding it.
enum PNGHeader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Images above this many pixels are refused (bounds decoding memory).
    static let maximumPixels = 64_000_000

    static func size(of data: Data) -> (width: Int, height: Int)? {
        guard data.count >= 24, Array(data.prefix(8)) == signature else { return nil }
        func be32(_ offset: Int) -> Int {
            let start = data.startIndex + offset
            return data[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        let width = be32(16), height = be32(20)
        guard width > 0, height > 0, width <= maximumPixels, height <= maximumPixels,
              width * height <= maximumPixels else { return nil }
        return (width, height)
    }
}
