@testable import FolioCharts
import FolioDisplay
import XCTest

/// Diff classification on hand-made pairs of org snapshots.
final class OrgDiffTests: XCTestCase {
    let before = OrgFixtures.org("before", [
        ("zuck", "Mark Zuckerberg", "CEO", nil),
        ("fair", "FAIR", "Yann LeCun & Joelle Pineau", "zuck"),
        ("tian", "Tian Yuandong", "Research Director", "fair"),
        ("genai", "GenAI", "Ahmad Al-Dahle", "zuck"),
    ])
    let after = OrgFixtures.org("after", [
        ("zuck", "Mark Zuckerberg", "CEO", nil),
        ("tbd", "TBD Lab", "Alex Wang", "zuck"),
        ("fair", "FAIR", "Yann LeCun", "tbd"),
        ("genai", "GenAI", "Ahmad Al-Dahle", "zuck"),
    ])

    func testClassifiesAddedRemovedMovedChanged() {
        let diff = OrgDiff.compare(after, with: before)
        XCTAssertEqual(diff.marks["tbd"], OrgDiff.Mark(added: true))
        XCTAssertEqual(diff.marks["tian"], OrgDiff.Mark(removed: true))
        XCTAssertEqual(diff.marks["fair"]?.movedFrom, "Mark Zuckerberg")
        XCTAssertEqual(diff.marks["fair"]?.retitledFrom, "Yann LeCun & Joelle Pineau")
        XCTAssertNil(diff.marks["fair"]?.renamedFrom)
        XCTAssertNil(diff.marks["zuck"], "unchanged nodes carry no mark")
        XCTAssertNil(diff.marks["genai"])
        XCTAssertEqual(diff.removed.map(\.id), ["tian"])
    }

    func testRenameAndRootChanges() {
        let old = OrgFixtures.org("old", [("a", "Alpha", nil, nil), ("b", "Beta", "Lead", "a"), ("c", "Gamma", nil, "a")])
        let new = OrgFixtures.org("new", [("b", "Beta Group", "Lead", nil), ("a", "Alpha", nil, "b"), ("c", "Gamma", "Head", "a")])
        let diff = OrgDiff.compare(new, with: old)
        XCTAssertEqual(diff.marks["b"], OrgDiff.Mark(movedFrom: "Alpha", renamedFrom: "Beta"))
        XCTAssertEqual(diff.marks["a"], OrgDiff.Mark(movedFrom: ""), "a former root moved under b")
        XCTAssertEqual(diff.marks["c"], OrgDiff.Mark(retitledFrom: ""), "gaining a title is a change")
        XCTAssertTrue(diff.removed.isEmpty)
    }

    func testRemovedNodesReturnToTheirOldPlace() {
        let diff = OrgDiff.compare(after, with: before)
        let merged = OrgDiff.merged(after, diff)
        XCTAssertEqual(merged.node("tian")?.parent, "fair", "drawn faded under its old parent")
        let orphanDiff = OrgDiff.compare(OrgFixtures.org("x", [("z", "Z", nil, nil)]), with: before)
        let orphans = OrgDiff.merged(OrgFixtures.org("x", [("z", "Z", nil, nil)]), orphanDiff)
        XCTAssertNil(orphans.node("zuck")?.parent)
        XCTAssertEqual(orphans.node("tian")?.parent, "fair", "a removed node keeps a removed parent")
    }

    func testDiffCardsSayWhatChanged() {
        let cards = OrgCardMaker(style: OrgStyle(theme: .init()), measurer: FixedAdvanceMeasurer(advance: 0.5))
        let diff = OrgDiff.compare(after, with: before)
        let fair = cards.card(for: after.nodes[2], mark: diff.marks["fair"])
        let text = fair.lines.map(\.line.text)
        XCTAssertEqual(text.first, "MOVED · CHANGED")
        XCTAssertTrue(text.contains("was under Mark Zuckerberg"), "\(text)")
        XCTAssertTrue(text.contains("was: Yann LeCun & Joelle Pineau"), "\(text)")
        XCTAssertEqual(fair.legend, Set<OrgLegendEntry>([.moved, .changed]))
        let tian = cards.card(for: before.nodes[2], mark: diff.marks["tian"])
        XCTAssertTrue(tian.look.faded)
        XCTAssertEqual(tian.lines.first?.line.text, "REMOVED")
    }
}

