@testable import FolioCharts
import FolioDisplay
import FolioModel
import XCTest

/// Bad org input is reported as `FILE:LINE:COLUMN` diagnostics naming the problem.
final class OrgErrorTests: XCTestCase {
    func diagnostic(_ yaml: String, fence: String = "use: o", file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            let orgs = try OrgFixtures.orgs(yaml)
            _ = try OrgChart.layout(OrgFixtures.fence(fence), data: dataSet(orgs), frame: ChartFrame(width: 400, maximumHeight: 600),
                                    theme: ChartTheme(), measurer: FixedAdvanceMeasurer())
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let error as Diagnostic {
            return error
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return nil
        }
    }

    func dataSet(_ orgs: [String: YAMLSpec]) -> DataSet {
        var data = DataSet()
        data.orgs = orgs
        return data
    }

    func testDuplicateID() {
        let error = diagnostic("""
        orgs:
          o:
            nodes:
              - { id: a, name: A }
              - { id: a, name: B }
        """)
        XCTAssertEqual(error?.description.components(separatedBy: "\n").first, "test.yaml:5:15: error: duplicate node id 'a'")
    }

    func testUnknownParentSuggests() {
        let error = diagnostic("""
        orgs:
          o:
            nodes:
              - { id: zuck, name: Z }
              - { id: fair, name: F, parent: zuk }
        """)
        XCTAssertEqual(error?.location.line, 5)
        XCTAssertEqual(error?.message, "parent 'zuk' of 'fair' names no node")
        XCTAssertEqual(error?.hints, ["did you mean 'zuck'?"])
    }

    func testCycleNamesItsNodes() {
        let error = diagnostic("""
        orgs:
          o:
            nodes:
              - { id: root, name: R }
              - { id: a, name: A, parent: c }
              - { id: b, name: B, parent: a }
              - { id: c, name: C, parent: b }
        """)
        XCTAssertEqual(error?.message, "reporting cycle: a → c → b → a")
        XCTAssertEqual(error?.location.line, 5)
    }

    func testLinkToUnknownNode() {
        let error = diagnostic("""
        orgs:
          o:
            nodes:
              - { id: fair, name: F }
              - { id: genai, name: G }
            links:
              - { from: fair, to: gen-ai, label: "core ideas" }
        """)
        XCTAssertEqual(error?.message, "link to 'gen-ai' names no node")
        XCTAssertEqual(error?.hints, ["did you mean 'genai'?"])
        XCTAssertEqual(error?.location.line, 7)
    }

    func testUseAndCompareNamingNoOrg() {
        let yaml = "orgs:\n  meta-ai-2023:\n    nodes: [{ id: a, name: A }]\n"
        let use = diagnostic(yaml, fence: "use: meta-ai-2203")
        XCTAssertEqual(use?.description.components(separatedBy: "\n").first,
                       "brief.md:10:6: error: 'use' names no org 'meta-ai-2203' in the data files")
        XCTAssertEqual(use?.hints, ["did you mean 'meta-ai-2023'?"])
        let compare = diagnostic(yaml, fence: "use: meta-ai-2023\ncompare: nothing")
        XCTAssertEqual(compare?.location, SourceLocation(file: "brief.md", line: 11, column: 10))
        XCTAssertEqual(compare?.message, "'compare' names no org 'nothing' in the data files")
    }

    func testOtherBadInput() {
        let yaml = "orgs:\n  o:\n    nodes: [{ id: a, name: A, status: gone }]\n"
        XCTAssertEqual(diagnostic(yaml)?.hints, ["expected one of: active, departed, moved, new, vacant"])
        XCTAssertEqual(diagnostic("orgs:\n  o:\n    nodes: [{ id: a, nmae: A }]\n")?.hints, ["did you mean 'name'?"])
        XCTAssertEqual(diagnostic("orgs:\n  o:\n    nodes: [{ id: a, name: A }]\n", fence: "use: o\nroot: b")?.message,
                       "root 'b' names no node in org 'o'")
        XCTAssertEqual(diagnostic("orgs:\n  o:\n    nodes: [{ id: a, name: A }]\n", fence: "use: o\ndepht: 2")?.hints,
                       ["did you mean 'depth'?"])
        XCTAssertEqual(diagnostic("orgs:\n  o:\n    nodes: []\n")?.message, "org 'o' has no nodes")
    }
}
