import FolioDisplay
@testable import FolioLayout
import XCTest
import FolioTestSupport

/// The page composer on plain units: floats, footnotes, columns and turned pages, checked on the
/// page plans (what lands where) rather than on pictures.
final class PageComposerTests: XCTestCase {
    func text(_ height: Double) -> FlowUnit { FlowUnit(height: height, items: []) }

    func float(_ height: Double, anchor: String? = nil) -> FlowUnit {
        var unit = FlowUnit(height: height, items: anchor.map { [.anchor(AnchorItem(name: $0, point: Point(x: 0, y: 0)))] } ?? [])
        unit.floats = true
        return unit
    }

    func referring(to anchor: String, height: Double = 10) -> FlowUnit {
        FlowUnit(height: height, items: [.link(LinkItem(rect: Rect(x: 0, y: 0, width: 10, height: 10), target: .anchor(anchor)))])
    }

    func composer(height: Double = 100, columns: Int = 1) -> PageComposer {
        var composer = PageComposer(regular: .init(height: height, width: 200, columns: columns, gap: 10),
                                    turned: .init(height: 60, width: 300))
        composer.floatGap = 5
        return composer
    }

    /// The page each unit landed on.
    func pageOf(_ plans: [PagePlan]) -> [Int: Int] {
        var pages: [Int: Int] = [:]
        for (page, plan) in plans.enumerated() { for index in plan.unitIndices { pages[index] = page } }
        return pages
    }

    func testAFloatThatDoesNotFitGoesToTheNextPageTopWhileTheTextFillsThisOne() {
        let units = [text(60), float(50), text(10), text(10), text(10), text(30), text(10)]
        let plans = composer().compose(units)
        XCTAssertEqual(plans.map(\.unitIndices), [[0, 2, 3, 4], [1, 5, 6]])
        XCTAssertEqual(plans[1].placements[0].y, 0, "the float opens the next page")
        XCTAssertEqual(plans[1].placements[1].y, 55, "the text follows below the float and its gap")
    }

    func testAFloatThatFitsStaysWhereItStands() {
        let plans = composer().compose([text(30), float(40), text(20)])
        XCTAssertEqual(plans.map(\.unitIndices), [[0, 1, 2]])
    }

    func testFloatsKeepTheirOrder() {
        // The second float would fit on the first page, but may not overtake the first.
        let units = [text(50), float(70), float(10), text(10), text(10)]
        let plans = composer().compose(units)
        let pages = pageOf(plans)
        XCTAssertEqual(pages[1], 1)
        XCTAssertEqual(pages[2], 1)
        XCTAssertEqual(plans[1].unitIndices.prefix(2), [1, 2], "first float above the second")
        XCTAssertEqual(pages[3], 0, "the text after them fills the first page")
    }

    func testAFloatNeverLandsBeforeItsFirstReference() {
        // The figure stands before the paragraph that cites it, which lands on the next page.
        var units = [text(20), float(30, anchor: "fig-1")]
        units += (0..<8).map { _ in text(15) }
        units.append(referring(to: "fig-1"))
        units += (0..<10).map { _ in text(15) }
        var composer = self.composer()
        composer.firstReference = DocumentLayout.firstReferences(units)
        XCTAssertEqual(composer.firstReference, [1: 10])
        let plans = composer.compose(units)
        let pages = pageOf(plans)
        let reference = 10
        XCTAssertGreaterThanOrEqual(pages[1] ?? -1, pages[reference] ?? .max, "float before its reference")
        if pages[1] == pages[reference] {
            let order = plans[pages[1] ?? 0].unitIndices
            XCTAssertLessThan(order.firstIndex(of: reference) ?? 0, order.firstIndex(of: 1) ?? 0)
        }
        // Without the reference it would have stayed on the first page.
        XCTAssertEqual(pageOf(self.composer().compose(units))[1], 0)
    }

    /// A figure `height` tall whose picture is all but its 10-point caption.
    func picture(_ height: Double) -> FlowUnit {
        var unit = float(height)
        unit.picture = PicturePart(items: 0, height: height - 10, minimumScale: 0.75)
        return unit
    }

    func testWhereTheTextRunsOutAFigureIsSetSmallerRatherThanLeaveThePageShort() {
        // 35 points of text, then a 75-point figure that no longer fits: the text ends before the
        // page does, so the picture shrinks to fit the 65 points left ((65 − 10) / 65 of its size).
        let plans = composer().compose([text(30), picture(75), text(5)])
        XCTAssertEqual(plans.map(\.unitIndices), [[0, 2, 1]])
        guard plans.count == 1, plans[0].placements.count == 3 else { return }
        let placed = plans[0].placements[2]
        XCTAssertEqual(placed.scale, 55.0 / 65.0, accuracy: 1e-9)
        XCTAssertEqual(placed.y, 35)
        // Text still to come fills the page instead: the figure waits for the next one at full size.
        let flowing = composer().compose([text(30), picture(75)] + (0..<10).map { _ in text(10) })
        XCTAssertEqual(pageOf(flowing)[1], 1)
        XCTAssertEqual(flowing.count > 1 ? flowing[1].placements[0].scale : 0, 1)
        // Not below its minimum scale (0.75), and a figure without a picture part keeps its size.
        XCTAssertEqual(composer().compose([text(50), picture(75), text(5)]).count, 2)
        XCTAssertEqual(composer().compose([text(30), float(75), text(5)]).count, 2)
    }

    func testFloatsLeftAtTheEndShareAPageWhenTheLastOneMaySetItsPictureSmaller() {
        // Page 2 holds only floats: the second one (40 with its caption) fits the 35 points under the
        // first (60 and a 5-point gap) at 25/30 of its picture's size, instead of taking a third page.
        let plans = composer().compose([text(95), picture(60), picture(40)])
        XCTAssertEqual(plans.map(\.unitIndices), [[0], [1, 2]])
        XCTAssertEqual(plans.count == 2 && plans[1].count == 2 ? plans[1].placements[1].scale : 0, 25.0 / 30.0, accuracy: 1e-9)
        XCTAssertEqual(composer().compose([text(95), picture(60), float(40)]).count, 3)
    }

    func testAReducedFigureKeepsItsCaptionSizeUnderThePictureAndStaysCentred() {
        let picture = DisplayItem.rect(RectItem(rect: Rect(x: 50, y: 0, width: 100, height: 60), fill: .black))
        let caption = DisplayItem.line(LineItem(from: Point(x: 0, y: 70), to: Point(x: 200, y: 70), stroke: Stroke(color: .black, width: 1)))
        var unit = FlowUnit(height: 75, items: [picture, caption])
        unit.picture = PicturePart(items: 1, height: 60, minimumScale: 0.75)
        let items = PagedDocument.reduced(unit, scale: 0.8, at: Point(x: 10, y: 20), width: 200)
        XCTAssertEqual(items.count, 2)
        guard case .group(let group) = items.first, case .line(let line) = items.last else { return XCTFail("\(items)") }
        XCTAssertEqual(group.scale, 0.8)
        XCTAssertEqual(group.items, [picture])
        // The picture's centre (100 in a 200-wide column) stays at 10 + 100 on the page.
        XCTAssertEqual(group.origin.x + 100 * group.scale, 110, accuracy: 1e-9)
        XCTAssertEqual(group.origin.y, 20)
        // The caption keeps its size and moves up by the 12 points the picture gave up.
        XCTAssertEqual(line.from, Point(x: 10, y: 78))
        XCTAssertEqual(line.to, Point(x: 210, y: 78))
    }

    func testAFloatTallerThanThePageStillGetsAPage() {
        let plans = composer().compose([text(40), float(150), text(10)])
        XCTAssertEqual(pageOf(plans)[1], 1)
        XCTAssertEqual(plans.count, 2)
    }

    /// Random text and floats: text moves on only when it does not fit, and floats come out in order.
    func testPagesAreFilledAndFloatsStayInOrder() {
        var random = SeededRandom(seed: 12)
        for round in 0..<200 {
            var units: [FlowUnit] = []
            for _ in 0..<(20 + Int(random.next() % 60)) {
                units.append(random.next() % 5 == 0 ? float(Double(20 + random.next() % 70)) : text(Double(8 + random.next() % 7)))
            }
            let plans = composer().compose(units)
            let floats = plans.flatMap(\.unitIndices).filter { units[$0].floats }
            XCTAssertEqual(floats, floats.sorted(), "round \(round): floats out of order")
            XCTAssertEqual(Set(plans.flatMap(\.unitIndices)).count, units.count, "round \(round): a unit lost or doubled")
            // Text moves to the next page only when it did not fit on this one.
            for (page, plan) in plans.enumerated().dropLast() {
                let bottom = plan.placements.map { placement -> Double in
                    guard case .unit(let index) = placement.source else { return 0 }
                    return placement.y + units[index].height
                }.max() ?? 0
                guard let next = plans[page + 1].unitIndices.filter({ !units[$0].floats }).min() else { continue }
                XCTAssertGreaterThan(bottom + 5 + units[next].height, 100 - 0.01, "round \(round), page \(page): unit \(next) would have fit")
            }
        }
    }

    func testFootnotesSitAtTheFootOfTheCitingPage() {
        var composer = self.composer()
        composer.footnotes = [1: [text(6), text(6)]]
        var citing = text(10)
        citing.footnotes = [1]
        let plans = composer.compose([text(30), citing, text(10)])
        XCTAssertEqual(plans.count, 1)
        let notes = plans[0].placements.filter { if case .footnote = $0.source { return true } else { return false } }
        XCTAssertEqual(notes.count, 2)
        XCTAssertEqual(notes.last.map { $0.y + 6 } ?? 0, 100, accuracy: 0.01, "notes end at the foot")
        XCTAssertTrue(plans[0].placements.contains { if case .footnoteRule = $0.source { return true } else { return false } })
    }

    func testALongFootnoteContinuesOnTheNextPage() {
        var composer = self.composer()
        composer.footnotes = [1: (0..<12).map { _ in text(6) }]
        var citing = text(10)
        citing.footnotes = [1]
        let units = [text(40), citing] + (0..<8).map { _ in text(10) }
        let plans = composer.compose(units)
        func lines(_ plan: PagePlan) -> [Int] {
            plan.placements.compactMap { if case .footnote(1, let line) = $0.source { return line } else { return nil } }
        }
        XCTAssertGreaterThan(plans.count, 1)
        XCTAssertFalse(lines(plans[0]).isEmpty, "the note starts on the citing page")
        XCTAssertEqual(lines(plans[0]) + lines(plans[1]), Array(0..<12), "and continues, in order, on the next")
        XCTAssertEqual(pageOf(plans)[1], 0)
        for plan in plans {
            let text = plan.placements.compactMap { placement -> Double? in
                guard case .unit(let index) = placement.source else { return nil }
                return placement.y + units[index].height
            }.max() ?? 0
            let notesTop = plan.placements.compactMap { placement -> Double? in
                if case .footnoteRule = placement.source { return placement.y } else { return nil }
            }.min() ?? 100
            XCTAssertLessThanOrEqual(text, notesTop + 0.01, "text runs into the notes")
        }
    }

    func testTwoColumnsFillLeftThenRightAndSpanningUnitsBalanceTheBandAbove() {
        var wide = text(20)
        wide.spansColumns = true
        let units = (0..<6).map { _ in text(10) } + [wide] + (0..<30).map { _ in text(10) }
        let plans = composer(columns: 2).compose(units)
        let first = plans[0].placements
        // Six lines above the spanning unit: balanced three and three.
        let left = first.filter { if case .unit(let index) = $0.source { return index < 6 && $0.x == 0 } else { return false } }
        let right = first.filter { if case .unit(let index) = $0.source { return index < 6 && $0.x > 0 } else { return false } }
        XCTAssertEqual(left.count, 3)
        XCTAssertEqual(right.count, 3)
        XCTAssertEqual(right.first?.x ?? 0, 105, accuracy: 0.01, "second column at column width plus gap")
        let spanning = first.first { if case .unit(6) = $0.source { return true } else { return false } }
        XCTAssertEqual(spanning?.x, 0)
        XCTAssertEqual(spanning?.y ?? 0, 30, accuracy: 0.01, "below the balanced band")
        // The rest fills the left column below it, then the right.
        XCTAssertTrue(first.contains { if case .unit(let index) = $0.source { return index > 6 && $0.x > 0 } else { return false } })
    }

    func testTurnedUnitsGetPagesOfTheirOwnSize() {
        var turned = (0..<10).map { _ in text(10) }
        for index in turned.indices { turned[index].turned = true }
        let plans = composer().compose([text(10)] + turned + [text(10)])
        XCTAssertEqual(plans.map(\.turned), [false, true, true, false])
        XCTAssertEqual(plans[1].unitIndices.count, 6, "a turned page holds 60 points")
    }
}

