import Foundation

/// A 64-bit FNV-1a content hash, written as 16 hex digits: fast, stable across runs and machines.
///
/// It detects changed inputs; it is not meant to resist deliberate collisions.
public struct ContentHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    public init() {}

    /// Mixes in bytes.
    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* Self.prime
        }
    }

    /// Mixes in a string and a separator, so `("ab", "c")` and `("a", "bc")` differ.
    public mutating func add(_ text: String) {
        add(text.utf8)
        add(CollectionOfOne(0xFF))
    }

    /// Mixes in raw data (buffer access, no per-byte bridging).
    public mutating func add(_ data: Data) {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in add(buffer) }
        add(CollectionOfOne(0xFE))
    }

    public var value: UInt64 { state }
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of `bytes` alone.
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.value
    }
}
