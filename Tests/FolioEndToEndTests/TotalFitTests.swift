import Folio
@testable import FolioCairo
import FolioDisplay
import Foundation
import XCTest

/// Knuth–Plass total-fit breaking with Pango's real fonts: no looser than first fit, hyphenation
/// points used, long tokens broken ragged and never letter-spaced, ragged text evener, code and
/// URLs never given a drawn hyphen.
final class TotalFitTests: XCTestCase {
    static let body = TextStyle(font: FontSpec(family: "Noto Serif", size: 10.5), color: .black)
    static let article = [
        "Balancing pure research and product delivery is tough. Resource conflicts and leadership with traditional infrastructure and vision backgrounds limited technical depth in decision-making, while the organisation restructured its laboratories twice in one year.",
        "At the end of October, the division announced layoffs of six hundred positions, including the research director of a core department. Senior executives overseeing operations either resigned or were reassigned, and the remaining teams were asked to ship faster.",
        "Open weights changed the landscape: researchers everywhere fine-tuned the models, startups built products on them, and the company gained goodwill it could not have bought. Yet the same openness made every misstep visible, and benchmarks became a battlefield.",
        "We talked to a former research director, a post-training engineer, an experienced human-resources consultant and several anonymous insiders about what went wrong, what went right, and what the episode teaches any laboratory that tries to do research and products at once.",
    ]

    func paragraph(_ text: String, alignment: TextAlignment = .justify) -> StyledParagraph {
        StyledParagraph(spans: [TextSpan(text, style: Self.body)], alignment: alignment, lang: "en", hyphenate: true)
    }

    /// How far each line but the last stretches its spaces beyond their natural width (points per space).
    func stretches(_ lines: [TextLine], width: Double, measurer: PangoMeasurer) -> [Double] {
        lines.dropLast().map { line in
            let natural = measurer.measureLine(line.spans, lang: "en").width
            let spaces = line.text.filter { $0 == " " }.count
            return spaces == 0 ? 0 : (width - natural) / Double(spaces)
        }
    }

    func testTotalFitIsNoLooserThanFirstFit() throws {
        let totalFit = try Renderer(shapesInParallel: false), firstFit = try Renderer(shapesInParallel: false)
        firstFit.measurer.usesTotalFit = false
        var total = 0.0, first = 0.0, worstTotal = 0.0, worstFirst = 0.0
        for width in stride(from: 180.0, through: 460.0, by: 20) {
            for text in Self.article {
                let a = stretches(totalFit.measurer.breakLines(paragraph(text), width: width), width: width, measurer: totalFit.measurer)
                let b = stretches(firstFit.measurer.breakLines(paragraph(text), width: width), width: width, measurer: firstFit.measurer)
                total += a.map { $0 * $0 * abs($0) }.reduce(0, +)
                first += b.map { $0 * $0 * abs($0) }.reduce(0, +)
                worstTotal = max(worstTotal, a.max() ?? 0)
                worstFirst = max(worstFirst, b.max() ?? 0)
            }
        }
        XCTAssertGreaterThan(totalFit.measurer.totalFitRelayouts, 0, "total fit should differ from first fit somewhere")
        XCTAssertLessThan(total, first * 0.8, "summed cubed stretch: total fit \(total), first fit \(first)")
        XCTAssertLessThanOrEqual(worstTotal, worstFirst + 0.01)
    }

    func testJustifiedLinesStillSpanTheMeasureAndReadInOrder() throws {
        let renderer = try Renderer(shapesInParallel: false)
        for width in [170.0, 240.0, 333.0] {
            for text in Self.article {
                let lines = renderer.measurer.breakLines(paragraph(text), width: width)
                let words = lines.map(\.text).joined(separator: " ").replacingOccurrences(of: "- ", with: "")
                XCTAssertEqual(words.split(separator: " ").count, text.split(separator: " ").count, "no word lost at \(width)")
                for line in lines.dropLast() {
                    let end = line.glyphRuns.map { $0.x + $0.width }.max() ?? 0
                    XCTAssertEqual(end, width, accuracy: 0.02, "\"\(line.text)\" at \(width) pt")
                }
            }
        }
    }

    func testRaggedTextIsEvenerThanFirstFit() throws {
        try raggedText(hyphenate: false)
        try raggedText(hyphenate: true)
    }

    func raggedText(hyphenate: Bool) throws {
        let totalFit = try Renderer(shapesInParallel: false), firstFit = try Renderer(shapesInParallel: false)
        firstFit.measurer.usesTotalFit = false
        var total = 0.0, first = 0.0, hyphens = (total: 0, first: 0)
        for width in stride(from: 200.0, through: 420.0, by: 20) {
            for text in Self.article {
                func paragraph(_ text: String, alignment: TextAlignment) -> StyledParagraph {
                    StyledParagraph(spans: [TextSpan(text, style: Self.body)], alignment: alignment, lang: "en", hyphenate: hyphenate)
                }
                let slack: ([TextLine]) -> Double = { $0.dropLast().map { (width - $0.width) * (width - $0.width) }.reduce(0, +) }
                let a = totalFit.measurer.breakLines(paragraph(text, alignment: .left), width: width)
                let b = firstFit.measurer.breakLines(paragraph(text, alignment: .left), width: width)
                XCTAssertTrue(a.allSatisfy { $0.width <= width + 0.01 }, "\(width): " + a.map { "\($0.width) \($0.text)" }.joined(separator: "\n"))
                total += slack(a)
                first += slack(b)
                hyphens.total += a.filter { $0.text.hasSuffix("-") }.count
                hyphens.first += b.filter { $0.text.hasSuffix("-") }.count
            }
        }
        print("ragged, hyphenate \(hyphenate): summed squared raggedness, total fit \(total), first fit \(first); hyphens \(hyphens)")
        if hyphenate {
            // Hyphens are penalised: fewer of them, for a little more raggedness than greedy hyphenation.
            XCTAssertLessThan(hyphens.total, hyphens.first)
            XCTAssertLessThan(total, first * 1.25)
        } else {
            XCTAssertLessThan(total, first, "summed squared raggedness: total fit \(total), first fit \(first)")
        }
    }

    /// A token longer than the line breaks where it can, or anywhere, ragged: never letter-spaced.
    func testLongTokenIsBrokenRaggedNeverLetterSpaced() throws {
        let renderer = try Renderer(shapesInParallel: false)
        let token = String(repeating: "qwrtzpsdfghjklxcvbnm", count: 12)
        let text = "A paragraph with a long token \(token) in the middle of ordinary words that carry on for a while longer."
        let width = 200.0
        let lines = renderer.measurer.breakLines(paragraph(text), width: width)
        XCTAssertGreaterThan(lines.count, 3)
        for line in lines {
            XCTAssertLessThanOrEqual(line.width, width + 0.01, line.text)
            guard !line.text.contains(" ") else { continue }
            XCTAssertNil(line.justifiedWidth, "a line of one token is not justified: \(line.text)")
            let natural = renderer.measurer.measureLine(line.spans, lang: "en").width
            let end = line.glyphRuns.map { $0.x + $0.width }.max() ?? 0
            XCTAssertEqual(end, natural, accuracy: 0.5, "letters keep their natural spacing: \(line.text)")
        }
        let joined = lines.map(\.text).joined().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        XCTAssertTrue(joined.contains(token))
    }

    /// A line that would gape beside a long word is left ragged instead of justified.
    func testNoJustifiedLineGapesBesideALongWord() throws {
        let renderer = try Renderer(shapesInParallel: false)
        let text = "A long token: supercalifragilisticexpialidociousopportunitiesandmoreunbreakablematerialthatgoesonandonforever"
            + " and then the paragraph carries on with ordinary words so that the justification can do its work."
        let space = renderer.measurer.width(of: "a b", style: Self.body) - renderer.measurer.width(of: "ab", style: Self.body)
        for width in [300.0, 380.0, 470.0] {
            let lines = renderer.measurer.breakLines(paragraph(text), width: width)
            for line in lines.dropLast() where line.justifiedWidth != nil {
                let natural = renderer.measurer.measureLine(line.spans, lang: "en").width
                let spaces = Double(line.text.filter { $0 == " " }.count)
                XCTAssertLessThanOrEqual((width - natural) / spaces, PangoMeasurer.raggedStretch * 0.5 * space + 0.01,
                                         "justified line gapes at \(width): \(line.text)")
            }
        }
    }

    func testCodeAndURLsAreNeverHyphenated() throws {
        let renderer = try Renderer(shapesInParallel: false)
        let mono = TextStyle(font: FontSpec(family: "DejaVu Sans Mono", size: 8.5))
        let code = "averyveryveryveryveryveryveryveryveryveryveryveryverylongidentifier_with_no_spaces_at_all = 1"
        let lines = renderer.measurer.breakLines(StyledParagraph(spans: [TextSpan(code, style: mono)], alignment: .left,
                                                                 preformatted: true), width: 150)
        XCTAssertGreaterThan(lines.count, 1)
        XCTAssertEqual(lines.map(\.text).joined().filter { $0 != " " }, code.filter { $0 != " " }, "the lines hold the code and nothing else")
        XCTAssertFalse(lines.dropLast().contains { $0.text.hasSuffix("-") })

        let url = "https://example.com/documentation/very/long/path_with_underscores/and-dashes/index.html?query=value&other=thing"
        var link = Self.body
        link.underline = true
        let spans = [TextSpan("See ", style: Self.body), TextSpan(url, style: link, link: url), TextSpan(" for the details of it.", style: Self.body)]
        for alignment in [TextAlignment.justify, .left] {
            let broken = renderer.measurer.breakLines(StyledParagraph(spans: spans, alignment: alignment, lang: "en", hyphenate: true),
                                                      width: 160)
            let text = broken.map(\.text).joined(separator: "|")
            XCTAssertTrue(text.replacingOccurrences(of: "|", with: "").contains(url), "the URL is whole, no hyphen added: \(text)")
            for line in broken.dropLast() where line.spans.last?.link != nil {
                let last = try XCTUnwrap(line.text.last)
                XCTAssertTrue("/.-_?&=".contains(last), "a URL line ends after a break character: \(line.text)")
            }
        }
    }

    /// Over random paragraphs of boxes and spaces, total fit's lines are never wider than the
    /// measure allows and are, summed, evener than greedy first fit's.
    func testBreakerIsEvenerThanGreedyOnRandomParagraphs() {
        var generator = SystemRandomNumberGenerator()
        var totalCost = 0.0, greedyCost = 0.0
        let width = 60.0
        for _ in 0..<500 {
            let words = (0..<Int.random(in: 8...40, using: &generator)).map { _ in Double.random(in: 2...14, using: &generator) }
            var advance = [0.0], spaces = [0.0], candidates: [TotalFitBreaker.Candidate] = []
            for (index, word) in words.enumerated() {
                advance.append(advance[advance.count - 1] + word); spaces.append(spaces[spaces.count - 1])
                let contentEnd = advance.count - 1
                if index < words.count - 1 {
                    advance.append(advance[advance.count - 1] + 3); spaces.append(spaces[spaces.count - 1] + 3)
                    candidates.append(.init(position: advance.count - 1, contentEnd: contentEnd))
                } else {
                    candidates.append(.init(position: advance.count - 1, contentEnd: contentEnd, forced: true))
                }
            }
            let breaker = TotalFitBreaker(advance: advance, spaceAdvance: spaces, width: width, settings: .init())
            guard let chosen = breaker.breaks(candidates) else { return XCTFail("no breaks for \(words)") }
            XCTAssertEqual(chosen.last, candidates.count - 1)
            func cost(_ breaks: [Int]) -> Double {
                var start = 0, total = 0.0
                for index in breaks.dropLast() {
                    let natural = advance[candidates[index].contentEnd] - advance[start]
                    let glue = spaces[candidates[index].contentEnd] - spaces[start]
                    XCTAssertLessThanOrEqual(natural, width + glue * 0.25 + 0.02, "a line shrinks at most its spaces' shrink")
                    let ratio = glue > 0 ? (width - natural) / glue : 0
                    total += ratio * ratio * abs(ratio)
                    start = candidates[index].position
                }
                return total
            }
            var greedy: [Int] = [], start = 0
            for index in candidates.indices {
                let next = index + 1 < candidates.count ? advance[candidates[index + 1].contentEnd] - advance[start] : .infinity
                if candidates[index].forced || next > width {
                    greedy.append(index)
                    start = candidates[index].position
                }
            }
            totalCost += cost(chosen)
            greedyCost += cost(greedy)
        }
        XCTAssertLessThan(totalCost, greedyCost * 0.7, "summed cubed stretch: total fit \(totalCost), greedy \(greedyCost)")
    }
}
