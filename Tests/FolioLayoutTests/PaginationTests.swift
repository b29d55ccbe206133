import FolioDisplay
@testable import FolioLayout
import FolioModel
import XCTest

final class PaginationTests: LayoutTestCase {
    func unit(_ height: Double, breakAfter: Bool = true, keep: Bool = false) -> FlowUnit {
        var unit = FlowUnit(height: height, items: [])
        unit.canBreakAfter = breakAfter
        unit.keepWithNext = keep
        return unit
    }

    func indices(_ plan: Paginator.PagePlan) -> [Int] {
        plan.compactMap { if case .unit(let index) = $0.source { return index } else { return nil } }
    }

    func testHeadingMovesWithTheFollowingBlock() {
        let units = [unit(40), unit(40), unit(10, breakAfter: false, keep: true), unit(30)]
        let pages = Paginator(pageHeight: 100).paginate(units)
        XCTAssertEqual(pages.map(indices), [[0, 1], [2, 3]])
    }

    func testChainsLongerThanAPageStillBreak() {
        let units = (0..<5).map { _ in unit(30, breakAfter: false) }
        let pages = Paginator(pageHeight: 100).paginate(units)
        XCTAssertEqual(pages.map(indices), [[0, 1, 2], [3, 4]])
    }

    func testSpaceBeforeIsDroppedAtTheTopOfAPage() {
        var second = unit(60)
        second.spaceBefore = 20
        let pages = Paginator(pageHeight: 100).paginate([unit(60), second])
        XCTAssertEqual(pages.count, 2)
        XCTAssertEqual(pages[1].first?.y, 0)
    }

    /// A quote of many paragraphs over several pages: its bar runs unbroken down each page (across the
    /// gaps between its paragraphs), and never above the text area where a page starts inside it.
    func testQuoteFramesAreContinuousAndStayInTheTextArea() throws {
        let quote = (0..<30).map { "> " + filler(4, seed: $0) }.joined(separator: "\n>\n")
        let document = try self.document("---\ntitle: T\n---\n" + quote + "\n", layout: "landscape")
        XCTAssertGreaterThan(document.pageCount, 1)
        let top = document.theme.layout.margins.top
        for number in 1...document.pageCount {
            let bars = document.page(number).items.compactMap { item -> Rect? in
                if case .rect(let rect) = item, rect.rect.width == 3 { return rect.rect } else { return nil }
            }.sorted { $0.minY < $1.minY }
            XCTAssertFalse(bars.isEmpty, "page \(number)")
            XCTAssertGreaterThanOrEqual(bars[0].minY, top - 0.51, "page \(number): the frame reaches above the text area")
            for (upper, lower) in zip(bars, bars.dropFirst()) {
                XCTAssertLessThanOrEqual(lower.minY, upper.maxY + 0.001, "page \(number): a gap in the bar at \(upper.maxY)")
            }
        }
    }

    func testPageBreakMarkerStartsANewPage() throws {
        let document = try self.document("---\ntitle: T\n---\nFirst page.\n\n<!-- pagebreak -->\n\nSecond page.\n", layout: "landscape")
        XCTAssertEqual(document.pageCount, 2)
        XCTAssertTrue(texts(document.page(1)).contains { $0.line.text == "First page." })
        XCTAssertTrue(texts(document.page(2)).contains { $0.line.text == "Second page." })
    }

    func testNoSingleOrphanOrWidowLine() throws {
        // Paragraphs of varying length so breaks fall at every position within them.
        let markdown = (0..<40).map { filler(5 + $0 % 11, seed: $0 * 100) }.joined(separator: "\n\n")
        let document = try self.document("---\ntitle: T\n---\n" + markdown)
        let layout = try LayoutLoader.defaults()
        XCTAssertGreaterThan(document.pageCount, 3)
        // Each body line belongs to the paragraph of the last sentence number seen (in reading order).
        var linesPerParagraphPage: [Int: [Int: Int]] = [:]
        var current = 0
        for number in 1...document.pageCount {
            let body = texts(document.page(number)).filter {
                $0.origin.y > layout.margins.top && $0.origin.y < layout.pageHeight - layout.margins.bottom
            }
            for text in body.sorted(by: { $0.origin.y < $1.origin.y }) {
                if let paragraph = paragraphIndex(of: text.line.text) { current = paragraph }
                linesPerParagraphPage[current, default: [:]][number, default: 0] += 1
            }
        }
        var splits = 0
        for (paragraph, pages) in linesPerParagraphPage where pages.count > 1 {
            splits += 1
            for (page, count) in pages {
                XCTAssertGreaterThanOrEqual(count, 2, "paragraph \(paragraph) leaves a single line on page \(page)")
            }
        }
        XCTAssertGreaterThan(splits, 0, "the test should exercise split paragraphs")
    }

    /// The paragraph a line belongs to, from the seed number of the first sentence it mentions.
    func paragraphIndex(of text: String) -> Int? {
        let words = text.split(separator: " ")
        guard let index = words.firstIndex(of: "Sentence"), index + 1 < words.count, let number = Int(words[index + 1]) else {
            return nil
        }
        return number / 100
    }

    func testTableHeaderRepeatsOnEveryPageItSpans() throws {
        let rows = (1...120).map { "| Release \($0) | 2023-\(String(format: "%02d", $0 % 12 + 1)) | \($0)B |" }.joined(separator: "\n")
        let document = try self.document("---\ntitle: T\n---\n| Name | Date | Size |\n|---|---|---|\n" + rows, layout: "landscape")
        XCTAssertGreaterThan(document.pageCount, 2)
        var rowsSeen = Set<String>()
        for number in 1...document.pageCount {
            let lines = texts(document.page(number)).map(\.line.text)
            guard lines.contains(where: { $0.hasPrefix("Release ") }) else { continue }
            XCTAssertTrue(lines.contains("Name") && lines.contains("Size"), "page \(number) lacks the header row")
            let headerY = texts(document.page(number)).first { $0.line.text == "Name" }?.origin.y ?? .infinity
            let firstRowY = texts(document.page(number)).filter { $0.line.text.hasPrefix("Release ") }.map(\.origin.y).min() ?? 0
            XCTAssertLessThan(headerY, firstRowY, "the header must come before the rows on page \(number)")
            for line in lines where line.hasPrefix("Release ") {
                XCTAssertTrue(rowsSeen.insert(line).inserted, "row \(line) drawn twice: rows must never split or repeat")
            }
        }
        XCTAssertEqual(rowsSeen.count, 120)
    }

    func testNothingLeavesTheTextArea() throws {
        let markdown = "---\ntitle: T\n---\n# Heading\n\n" + (0..<30).map { filler(4, seed: $0) }.joined(separator: "\n\n")
        let document = try self.document(markdown)
        let layout = try LayoutLoader.defaults()
        for number in 1...document.pageCount {
            for text in texts(document.page(number)) {
                XCTAssertLessThanOrEqual(text.bounds.maxX, layout.pageWidth - layout.margins.right + 0.01, "page \(number): \(text.line.text)")
                XCTAssertGreaterThanOrEqual(text.bounds.minY, 0)
                XCTAssertLessThanOrEqual(text.bounds.maxY, layout.pageHeight)
            }
        }
    }
}
