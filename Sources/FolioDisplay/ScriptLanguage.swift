/// The language of a run of text where its script alone tells it: Hangul is Korean, kana Japanese,
/// Greek letters Greek, Hebrew Hebrew, Thai Thai, and so on. Scripts shared by many languages
/// (Latin, Cyrillic, Arabic, Devanagari) tell nothing. Han characters without kana are taken as
/// Chinese (with kana, as Japanese), except in a Japanese or Korean document.
///
/// A tagged PDF marks such a run as a span with its own `/Lang`, so a screen reader switches voice.
public enum ScriptLanguage {
    /// The language of `text` when its letters are all of one telling script and it differs from
    /// `documentLang` (primary subtags compared); nil otherwise.
    public static func spanLanguage(of text: String, in documentLang: String) -> String? {
        // Plain ASCII, the common case, is never another script.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
        var found: String?
        var hasKana = false, hasHan = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 { continue }  // digits, spaces and punctuation go with any script
            if isKana(value) { hasKana = true; continue }
            if isHan(value) { hasHan = true; continue }
            guard let language = language(of: value) else {
                if scalar.properties.isAlphabetic { return nil }  // a letter of a script that tells nothing
                continue
            }
            if let found, found != language { return nil }
            found = language
        }
        let primary = documentLang.split(separator: "-").first.map { $0.lowercased() } ?? ""
        if hasKana || hasHan {
            // Han alone is Chinese, unless the document is Japanese or Korean (kanji, hanja).
            let cjk = hasKana ? "ja" : (primary == "ja" || primary == "ko" ? primary : "zh")
            if let found, found != cjk { return nil }
            found = cjk
        }
        guard let found else { return nil }
        return found == primary ? nil : found
    }

    private static func isKana(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value) || (0xFF66...0xFF9F).contains(value)
    }

    private static func isHan(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2FA1F).contains(value)
            || (0xF900...0xFAFF).contains(value)
    }

    /// Scripts used by one language.
    private static func language(of value: UInt32) -> String? {
        switch value {
        case 0x0370...0x03FF, 0x1F00...0x1FFF: return "el"
        case 0x0530...0x058F: return "hy"
        case 0x0590...0x05FF, 0xFB1D...0xFB4F: return "he"
        case 0x0E00...0x0E7F: return "th"
        case 0x0E80...0x0EFF: return "lo"
        case 0x10A0...0x10FF: return "ka"
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return "ko"
        case 0x1780...0x17FF: return "km"
        case 0x0980...0x09FF: return "bn"
        case 0x0A00...0x0A7F: return "pa"
        case 0x0A80...0x0AFF: return "gu"
        case 0x0B80...0x0BFF: return "ta"
        case 0x0C00...0x0C7F: return "te"
        case 0x0C80...0x0CFF: return "kn"
        case 0x0D00...0x0D7F: return "ml"
        case 0x0D80...0x0DFF: return "si"
        case 0x1000...0x109F: return "my"
        default: return nil
        }
    }
}
