import Foundation

/// Tells an image's format and natural size from its first bytes, without decoding it: the backend
/// decodes (and so the loader stays free of image libraries); a file whose header cannot be read
/// is unreadable here already.
enum ImageProbe {
    /// Rasters above this many pixels are refused (bounds decoding memory).
    static let maximumPixels = PNGHeader.maximumPixels

    /// The format and natural size in points, or why the bytes are no image Folio places.
    static func probe(_ data: Data) -> Result<(format: ImageFormat, width: Double, height: Double), ProbeFailure> {
        let bytes = [UInt8](data.prefix(64))
        let raster: (ImageFormat, (Int, Int)?)
        if bytes.starts(with: PNGHeader.signature) {
            raster = (.png, PNGHeader.size(of: data) ?? header(be32(bytes, 16), be32(bytes, 20)))
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            raster = (.jpeg, jpegSize(data))
        } else if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            raster = (.gif, bytes.count >= 10 ? header(le16(bytes, 6), le16(bytes, 8)) : nil)
        } else if bytes.count >= 30, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            raster = (.webp, webpSize(bytes))
        } else if let size = SVGSize.of(data) {
            return .success((.svg, size.width, size.height))
        } else {
            return .failure(.unknownFormat)
        }
        guard let (width, height) = raster.1, width > 0, height > 0 else { return .failure(.damaged(raster.0)) }
        guard width <= maximumPixels, height <= maximumPixels, width * height <= maximumPixels else {
            return .failure(.tooLarge(width, height))
        }
        return .success((raster.0, Double(width) * 0.75, Double(height) * 0.75))
    }

    enum ProbeFailure: Error, Equatable {
        case unknownFormat
        case damaged(ImageFormat)
        case tooLarge(Int, Int)

        var message: String {
            switch self {
            case .unknownFormat: return "is not a PNG, JPEG, GIF, WebP or SVG image"
            case .damaged(let format): return "is a damaged \(format.rawValue.uppercased()) file"
            case .tooLarge(let width, let height): return "is \(width)×\(height) pixels; at most \(maximumPixels) pixels are placed"
            }
        }
    }

    static func header(_ width: Int, _ height: Int) -> (Int, Int)? { width > 0 && height > 0 ? (width, height) : nil }
    static func be32(_ b: [UInt8], _ at: Int) -> Int { at + 4 <= b.count ? b[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } : 0 }
    static func le16(_ b: [UInt8], _ at: Int) -> Int { at + 2 <= b.count ? Int(b[at]) | Int(b[at + 1]) << 8 : 0 }
    static func le24(_ b: [UInt8], _ at: Int) -> Int { at + 3 <= b.count ? Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 : 0 }

    /// Walks the JPEG's marker segments to its frame header (SOF0…SOF15 but DHT, JPG and DAC).
    static func jpegSize(_ data: Data) -> (Int, Int)? {
        let b = [UInt8](data)
        var index = 2
        while index + 9 < b.count {
            guard b[index] == 0xFF else { return nil }
            let marker = b[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            let length = Int(b[index + 2]) << 8 | Int(b[index + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = Int(b[index + 5]) << 8 | Int(b[index + 6])
                let width = Int(b[index + 7]) << 8 | Int(b[index + 8])
                return header(width, height)
            }
            if marker == 0xD9 || marker == 0xDA || length < 2 { return nil }
            index += 2 + length
        }
        return nil
    }

    /// The canvas of a WebP file: extended (VP8X), lossy (VP8) or lossless (VP8L).
    static func webpSize(_ b: [UInt8]) -> (Int, Int)? {
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8X": return header(le24(b, 24) + 1, le24(b, 27) + 1)
        case "VP8 ": return header(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF)
        case "VP8L":
            guard b[20] == 0x2F else { return nil }
            let b0 = Int(b[21]), b1 = Int(b[22]), b2 = Int(b[23]), b3 = Int(b[24])
            return header(1 + ((b1 & 0x3F) << 8 | b0), 1 + ((b3 & 0x0F) << 10 | b2 << 2 | (b1 & 0xC0) >> 6))
        default: return nil
        }
    }
}
