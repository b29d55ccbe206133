import CCairo
import Foundation

/// Image files read from somewhere other than the file system while drawing: an in-memory
/// render binds a provider to its thread, so concurrent renders each see their own.
public enum ImageBytes {
    /// The bytes of the image at a path, as the display list names it, bound on this thread; nil: read the file.
    public static var provider: (@Sendable (String) -> Data?)? { Thread.current.threadDictionary[providerKey] as? @Sendable (String) -> Data? }

    /// Runs `body` with `provider` bound on this thread (then restores the earlier one).
    public static func withProvider<T>(_ provider: (@Sendable (String) -> Data?)?, _ body: () throws -> T) rethrows -> T {
        let dictionary = Thread.current.threadDictionary
        let earlier = dictionary[providerKey]
        dictionary[providerKey] = provider
        defer { dictionary[providerKey] = earlier }
        return try body()
    }

    static let providerKey = "folio.image-bytes"
}
