import FolioTestSupport
import Foundation
import XCTest

/// `folio preview` in a real browser (headless Chromium through chromedriver): the pages and the
/// outline appear; an edit shows its new text within a second, redraws only the changed page and
/// keeps the scroll position; a broken edit shows the overlay with `FILE:LINE:COLUMN`, and the fix
/// clears it.
final class BrowserPreviewTests: XCTestCase {
    /// What the page shows: each page image (its alt text, its address, whether it has loaded),
    /// the outline, the overlay, the scroll position.
    static let shown = """
        const overlay = document.getElementById('overlay');
        return {
          pages: [...document.querySelectorAll('figure.page img')].map(img => ({
            alt: img.alt, src: img.getAttribute('src') || '', loaded: img.complete && img.naturalWidth > 0 })),
          outline: [...document.querySelectorAll('#outline a')].map(link => link.textContent),
          overlay: getComputedStyle(overlay).display !== 'none' ? overlay.textContent : null,
          scrollY: window.scrollY,
          height: document.documentElement.scrollHeight
        };
        """

    /// Each page image as the browser drew it: a hash of its pixels and its count of dark pixels.
    static let pictures = """
        return [...document.querySelectorAll('figure.page img')].map(img => {
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const context = canvas.getContext('2d');
          context.fillStyle = 'white';
          context.fillRect(0, 0, canvas.width, canvas.height);
          context.drawImage(img, 0, 0);
          const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let hash = 0, dark = 0;
          for (let i = 0; i < data.length; i += 4) {
            hash = (Math.imul(hash, 31) + data[i] + 3 * data[i + 1] + 7 * data[i + 2]) | 0;
            if (data[i] + data[i + 1] + data[i + 2] < 300) dark++;
          }
          return { hash: hash, dark: dark };
        });
        """

    struct Shown {
        var pages: [(alt: String, src: String, loaded: Bool)]
        var outline: [String]
        var overlay: String?
        var scrollY: Double
        var height: Double

        init?(_ value: Any?) {
            guard let object = value as? [String: Any], let pages = object["pages"] as? [[String: Any]] else { return nil }
            self.pages = pages.map { ($0["alt"] as? String ?? "", $0["src"] as? String ?? "", $0["loaded"] as? Bool ?? false) }
            outline = object["outline"] as? [String] ?? []
            overlay = object["overlay"] as? String
            scrollY = (object["scrollY"] as? NSNumber)?.doubleValue ?? 0
            height = (object["height"] as? NSNumber)?.doubleValue ?? 0
        }

        var allLoaded: Bool { !pages.isEmpty && pages.allSatisfy(\.loaded) }
    }

    func testTheBrowserFollowsEditsAndErrors() throws {
        let (preview, note, base) = try PreviewTests.startPreview(for: self)
        defer { preview.stop() }
        let browser = try WebDriver()
        defer { browser.quit() }
        try browser.open(base + "/")

        // The first render: every page drawn, the outline beside them.
        var shown = try XCTUnwrap(Shown(browser.wait(for: Self.shown) { Shown($0)?.allLoaded == true }))
        XCTAssertGreaterThanOrEqual(shown.pages.count, 2, "a document of several pages")
        XCTAssertTrue(shown.pages[0].alt.contains("Opening words."), shown.pages[0].alt)
        XCTAssertEqual(shown.outline, ["First", "Last"])
        XCTAssertNil(shown.overlay)
        let before = try Self.pictures(in: browser)
        XCTAssertEqual(before.count, shown.pages.count)
        XCTAssertTrue(before.allSatisfy { $0.dark > 500 }, "every page shows text: \(before)")

        // Scrolled to the end, the reader edits the last page.
        try browser.evaluate("window.scrollTo(0, document.documentElement.scrollHeight); return null;")
        shown = try XCTUnwrap(Shown(browser.evaluate(Self.shown)))
        let scrolled = shown.scrollY
        XCTAssertGreaterThan(scrolled, 100, "the pages are taller than the window (height \(shown.height))")
        let firstSource = shown.pages[0].src
        let lastSource = shown.pages[shown.pages.count - 1].src

        let edited = Date()
        try WatchTests.replace(note, with: Data(PreviewTests.briefing(opening: "Opening words.", closing: "Changed ending.").utf8))
        shown = try XCTUnwrap(Shown(browser.wait(for: Self.shown) { value in
            guard let shown = Shown(value), let last = shown.pages.last else { return false }
            return last.alt.contains("Changed ending.") && last.src != lastSource && shown.allLoaded
        }))
        let elapsed = Date().timeIntervalSince(edited)
        print("browser preview: the edit shown \(Int(elapsed * 1000)) ms after the file was written")
        XCTAssertLessThan(elapsed, 1.0, "the browser shows the edit within a second")
        XCTAssertEqual(shown.pages[0].src, firstSource, "the unchanged first page is not reloaded")
        XCTAssertEqual(shown.scrollY, scrolled, "the scroll position stays")
        let after = try Self.pictures(in: browser)
        XCTAssertEqual(after.count, before.count)
        XCTAssertEqual(after.first?.hash, before.first?.hash, "the first page looks the same")
        XCTAssertNotEqual(after.last?.hash, before.last?.hash, "the last page is drawn anew")

        // A broken edit: the overlay names the file, line and column; the pages stay.
        try WatchTests.replace(note, with: Data(PreviewTests.briefing(opening: "Opening words.", closing: "x")
            .replacingOccurrences(of: "title: Previewed", with: "date: tomorrow").utf8))
        shown = try XCTUnwrap(Shown(browser.wait(for: Self.shown) { Shown($0)?.overlay != nil }))
        let overlay = try XCTUnwrap(shown.overlay)
        XCTAssertTrue(overlay.contains("note.md:2:7: error: "), overlay)
        XCTAssertEqual(shown.pages.count, after.count, "the last good pages stay")
        XCTAssertTrue(shown.pages.last?.alt.contains("Changed ending.") == true)

        // The fix clears it and shows the new text.
        try WatchTests.replace(note, with: Data(PreviewTests.briefing(opening: "Fixed opening.", closing: "Changed ending.").utf8))
        shown = try XCTUnwrap(Shown(browser.wait(for: Self.shown) { value in
            guard let shown = Shown(value) else { return false }
            return shown.overlay == nil && shown.pages.first?.alt.contains("Fixed opening.") == true && shown.allLoaded
        }))
        XCTAssertEqual(shown.scrollY, scrolled, "the scroll position stays")
        XCTAssertNotEqual(try Self.pictures(in: browser).first?.hash, after.first?.hash, "the first page is drawn anew")
    }

    static func pictures(in browser: WebDriver) throws -> [(hash: Int, dark: Int)] {
        let value = try browser.evaluate(pictures) as? [[String: Any]] ?? []
        return value.map { (($0["hash"] as? NSNumber)?.intValue ?? 0, ($0["dark"] as? NSNumber)?.intValue ?? 0) }
    }
}
