import Foundation

/// `--shard K/N`: the K-th of N deterministic parts of a batch, stable by job name.
///
/// A job belongs to part `hash(name) mod N + 1`, with a fixed hash (FNV-1a of the name's UTF-8),
/// so every machine computes the same split, adding or removing a job never moves the others,
/// and parts 1…N together hold every job exactly once.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// 1-based index of this part.
    public let index: Int
    public let count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let index = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let count = Int(parts[1].trimmingCharacters(in: .whitespaces)),
              count >= 1, count <= 100_000, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Whether the job named `name` belongs to this part.
    public func contains(_ name: String) -> Bool {
        Int(ContentHash.of(Array(name.utf8)) % UInt64(count)) + 1 == index
    }

    public var description: String { "\(index)/\(count)" }
}
