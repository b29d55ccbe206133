import Dispatch
import Foundation

/// Hyphenation patterns by language, loaded once per renderer and shared by its measurers.
///
/// Loading takes about 20 ms, so a language can be preloaded on another core; asking for it
/// waits for that load instead of starting another. Safe to use from any thread.
final class HyphenationLibrary: @unchecked Sendable {
    private final class Entry: @unchecked Sendable {
        let loaded = DispatchGroup()
        var patterns: HyphenationPatterns?
    }
    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    /// Starts loading `lang`'s patterns in the background (no-op when asked before).
    func preload(lang: String) {
        guard let entry = newEntry(for: lang) else { return }
        DispatchQueue.global(qos: .userInitiated).async {
            entry.patterns = HyphenationPatterns(lang: lang)
            entry.loaded.leave()
        }
    }

    /// `lang`'s patterns, waiting for a load in progress; nil when no dictionary is installed.
    func patterns(for lang: String) -> HyphenationPatterns? {
        if let entry = newEntry(for: lang) {
            entry.patterns = HyphenationPatterns(lang: lang)
            entry.loaded.leave()
        }
        let entry = lock.withLock { entries[lang]! }
        entry.loaded.wait()
        return entry.patterns
    }

    /// A new entry for `lang`, entered (its loader must leave it), or nil when one exists.
    private func newEntry(for lang: String) -> Entry? {
        lock.withLock {
            guard entries[lang] == nil else { return nil }
            let entry = Entry()
            entry.loaded.enter()
            entries[lang] = entry
            return entry
        }
    }
}
