import Foundation

/// A value bound to the current thread for the length of a call: how a render tells the loaders
/// on its thread where to read, without a process-wide setting (renders run on several threads).
/// (Task-local values are not used: bound outside any task they crashed in optimized builds.)
public enum ThreadValue {
    /// The value bound to `key` on this thread, or nil.
    public static func get(_ key: String) -> Any? {
        Thread.current.threadDictionary[key]
    }

    /// Runs `body` with `value` bound to `key` on this thread, then restores what was bound before.
    public static func with<T>(_ key: String, _ value: Any?, _ body: () throws -> T) rethrows -> T {
        let dictionary = Thread.current.threadDictionary
        let earlier = dictionary[key]
        dictionary[key] = value
        defer { dictionary[key] = earlier }
        return try body()
    }
}
