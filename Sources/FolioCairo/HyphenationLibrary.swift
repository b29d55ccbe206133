import FolioBundle
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

    /// Starts loading `lang`'s patterns on a thread of its own (no-op when asked before).
    func preload(lang: String) {
        let (entry, isNew) = entry(for: lang)
        guard isNew else { return }
        HelperThread.start {
            entry.patterns = HyphenationPatterns(lang: lang)
            entry.loaded.leave()
        }
    }

    /// `lang`'s patterns, waiting for a load in progress; nil when no dictionary is installed.
    func patterns(for lang: String) -> HyphenationPatterns? {
        let (entry, isNew) = entry(for: lang)
        if isNew {
            entry.patterns = HyphenationPatterns(lang: lang)
            entry.loaded.leave()
        }
        entry.loaded.wait()
        return entry.patterns
    }

    /// The entry for `lang`, and whether it was just made (entered: its loader must leave it).
    private func entry(for lang: String) -> (Entry, isNew: Bool) {
        lock.withLock {
            if let entry = entries[lang] { return (entry, false) }
            let entry = Entry()
            entry.loaded.enter()
            entries[lang] = entry
            return (entry, true)
        }
    }
}
