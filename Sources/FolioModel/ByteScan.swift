/// Scans of a string's UTF-8 bytes in place. Stepping through `String.UTF8View` costs tens of
/// instructions a byte, which a megabyte of Markdown read several times over turns into milliseconds;
/// a buffer costs one or two.
public enum ByteScan {
    /// Runs `body` on the UTF-8 bytes of `text`, without copying them when they are stored contiguously.
    public static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether `text` holds `byte`.
    public static func contains(_ byte: UInt8, in text: String) -> Bool {
        withBytes(text) { $0.contains(byte) }
    }

    /// Whether `text` holds anything beyond ASCII.
    public static func hasNonASCII(_ text: String) -> Bool {
        withBytes(text) { $0.contains { $0 >= 0x80 } }
    }

    /// Whether `text` holds a tab, or two spaces in a row.
    public static func hasTabOrDoubleSpace(_ text: String) -> Bool {
        withBytes(text) { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x09 || (byte == 0x20 && previous == 0x20) { return true }
                previous = byte
            }
            return false
        }
    }
}
