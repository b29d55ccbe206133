import CHyphen
import Foundation

/// Inserts soft hyphens (U+00AD) at a language's hyphenation points; one per thread (it caches words).
final class Hyphenator {
    let patterns: HyphenationPatterns
    private var dictionary: UnsafeMutablePointer<HyphenDict> { patterns.dictionary }
    private var cache: [String: String] = [:]

    static let softHyphen: Character = "\u{00AD}"
    static let dictionaryFolders = ["/usr/share/hyphen"]

    init(patterns: HyphenationPatterns) { self.patterns = patterns }

    static func dictionaryPath(for lang: String) -> String? {
        let parts = lang.split(separator: "-").map(String.init)
        guard let primary = parts.first?.lowercased() else { return nil }
        var names: [String] = []
        if parts.count > 1 { names.append("hyph_\(primary)_\(parts[1].uppercased()).dic") }
        names += ["hyph_\(primary).dic", "hyph_\(primary)_\(primary.uppercased()).dic", "hyph_\(primary)_US.dic"]
        for folder in dictionaryFolders {
            for name in names where FileManager.default.fileExists(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if let match = files.sorted().first(where: { $0.hasPrefix("hyph_\(primary)_") && $0.hasSuffix(".dic") }) {
                return "\(folder)/\(match)"
            }
        }
        return nil
    }

    /// `text` with soft hyphens added inside words of six letters or more.
    func hyphenate(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var word = Substring()
        var wordStart = text.startIndex
        var index = text.startIndex
        func flush(upTo end: String.Index) {
            word = text[wordStart..<end]
            result += word.count >= 6 ? hyphenatedWord(word) : String(word)
        }
        while index < text.endIndex {
            let character = text[index]
            if !(character.isLetter && character.isASCII) {
                flush(upTo: index)
                result.append(character)
                wordStart = text.index(after: index)
            }
            index = text.index(after: index)
        }
        flush(upTo: text.endIndex)
        return result
    }

    private func hyphenatedWord(_ word: Substring) -> String {
        let key = String(word)
        if let cached = cache[key] { return cached }
        let lowered = Array(word.lowercased().utf8)
        var hyphens = [CChar](repeating: 0, count: lowered.count + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var pos: UnsafeMutablePointer<Int32>?
        var cut: UnsafeMutablePointer<Int32>?
        // libhyphen reads the word as a C string (strstr) as well as by its size: it must end in NUL.
        let status = (lowered.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { buffer in
            hnj_hyphen_hyphenate2(dictionary, buffer.baseAddress, Int32(buffer.count - 1), &hyphens, nil, &rep, &pos, &cut)
        }
        if let rep { free(rep) }
        if let pos { free(pos) }
        if let cut { free(cut) }
        var result = ""
        let letters = Array(word)
        if status == 0 {
            for (offset, letter) in letters.enumerated() {
                result.append(letter)
                // ASCII words: byte offsets are letter offsets. Keep two letters before and three after.
                if offset >= 1, offset < letters.count - 3, hyphens[offset] & 1 == 1 { result.append(Hyphenator.softHyphen) }
            }
        } else {
            result = String(word)
        }
        if cache.count >= 50_000 { cache.removeAll(keepingCapacity: true) }
        cache[key] = result
        return result
    }
}
