import FolioDisplay
import XCTest

/// Which runs of text a tagged PDF marks as spans in another language.
final class ScriptLanguageTests: XCTestCase {
    func testScriptsThatTellTheirLanguage() {
        XCTAssertEqual(ScriptLanguage.spanLanguage(of: "官网", in: "en"), "zh")
        XCTAssertEqual(ScriptLanguage.spanLanguage(of: "日本語です", in: "en"), "ja", "kana make Han Japanese")
        XCTAssertEqual(ScriptLanguage.spanLanguage(of: "안녕하세요", in: "en-GB"), "ko")
        XCTAssertEqual(ScriptLanguage.spanLanguage(of: "καλημέρα, 2024", in: "de"), "el")
        XCTAssertEqual(ScriptLanguage.spanLanguage(of: "שָׁלוֹם", in: "en"), "he", "vowel points are marks of the script")
    }

    func testNoSpanForTheDocumentsOwnLanguageOrScriptsThatTellNothing() {
        XCTAssertNil(ScriptLanguage.spanLanguage(of: "Plain text", in: "en"))
        XCTAssertNil(ScriptLanguage.spanLanguage(of: "café", in: "en"), "Latin letters tell nothing")
        XCTAssertNil(ScriptLanguage.spanLanguage(of: "Привет", in: "en"), "Cyrillic is many languages")
        XCTAssertNil(ScriptLanguage.spanLanguage(of: "مرحبا", in: "en"), "Arabic script is many languages")
        XCTAssertNil(ScriptLanguage.spanLanguage(of: "官网", in: "zh-Hans"))
        XCTAssertNil(ScriptLanguage.spanLanguage(of: "日本語", in: "ja"), "kanji in a Japanese document")
        XCTAssertNil(ScriptLanguage.spanLanguage(of: "한국 ελ", in: "en"), "two telling scripts in one run")
        XCTAssertNil(ScriptLanguage.spanLanguage(of: "— … “”", in: "en"), "punctuation alone")
    }
}
