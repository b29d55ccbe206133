/// Passes an SVG through to `inner`, adding `<title>` and `<desc>` as the first children of the root
/// `<svg>` element (Cairo's SVG surface has no API for them): what screen readers announce for an
/// exported chart, the same text as the PDF figure's `/Alt`.
final class SVGDescriptionSink: ByteSink {
    private let inner: ByteSink
    private let insertion: [UInt8]
    private var pending: [UInt8] = []
    private var inserted = false

    init(_ inner: ByteSink, title: String, description: String) {
        self.inner = inner
        insertion = Array("\n<title>\(XMPPacket.escape(title))</title>\n<desc>\(XMPPacket.escape(description))</desc>".utf8)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if inserted { return try inner.write(bytes) }
        pending.append(contentsOf: bytes)
        guard let end = Self.endOfRootStartTag(in: pending) else { return }
        let head = Array(pending[..<end]), tail = Array(pending[end...])
        pending = []
        inserted = true
        try (head + insertion + tail).withUnsafeBytes { try inner.write($0) }
    }

    /// Writes whatever is still held (an SVG without a root start tag passes through unchanged).
    func flush() throws {
        guard !inserted, !pending.isEmpty else { return }
        inserted = true
        try pending.withUnsafeBytes { try inner.write($0) }
        pending = []
    }

    /// The index just after the `>` closing the `<svg …>` start tag, when it has been seen.
    static func endOfRootStartTag(in bytes: [UInt8]) -> Int? {
        let open = Array("<svg".utf8)
        guard bytes.count >= open.count else { return nil }
        for start in 0...(bytes.count - open.count) where Array(bytes[start..<start + open.count]) == open {
            var quote: UInt8?
            for index in (start + open.count)..<bytes.count {
                let byte = bytes[index]
                if let q = quote { if byte == q { quote = nil } } else if byte == 0x22 || byte == 0x27 { quote = byte } else if byte == 0x3E { return index + 1 }
            }
            return nil
        }
        return nil
    }
}
