import Foundation

/// A tiny mutex wrapper so model types need no Foundation in their signatures.
final class NSLockLike: @unchecked Sendable {
    private let lock = NSLock()
    func with<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
