import Foundation

/// The bytes libFuzzer hands a target, as the text a loader would get from `InputFile.read`.
public enum FuzzInput {
    /// The input as strict UTF-8 with a leading byte-order mark dropped, or nil when it is not
    /// UTF-8 (the file reader rejects such a file before any loader sees it).
    public static func text(_ start: UnsafeRawPointer?, _ count: Int) -> String? {
        guard let start, count > 0 else { return nil }
        let bytes = UnsafeRawBufferPointer(start: start, count: count)
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// The first byte (a selector, such as the data file's format) and the text after it.
    public static func selector(_ start: UnsafeRawPointer?, _ count: Int) -> (UInt8, String)? {
        guard let start, count > 1 else { return nil }
        let first = start.load(as: UInt8.self)
        guard let rest = text(start + 1, count - 1) else { return nil }
        return (first, rest)
    }
}
