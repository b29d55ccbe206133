import CHyphen

/// A language's hyphenation patterns, loaded from libhyphen's dictionaries and never changed after:
/// hyphenating only reads them, so hyphenators on several threads may share one set.
final class HyphenationPatterns: @unchecked Sendable {
    let dictionary: UnsafeMutablePointer<HyphenDict>

    /// The patterns for a BCP 47 tag (`en`, `en-GB`, `de`), or nil when no dictionary is installed.
    init?(lang: String) {
        guard let path = Hyphenator.dictionaryPath(for: lang), let dictionary = hnj_hyphen_load(path) else { return nil }
        self.dictionary = dictionary
    }

    deinit { hnj_hyphen_free(dictionary) }
}
