// Helpers for timeline tests: fences and data sets from YAML text, layout with the fixed-advance measurer.
import FolioDisplay
@testable import FolioCharts
@testable import FolioModel
import XCTest
import FolioTestSupport

enum TimelineFixtures {
    /// A timeline fence whose body starts on line `line` of `file`.
    static func fence(_ body: String, file: String = "brief.md", line: Int = 10) -> ChartBlock {
        ChartBlock(kind: .timeline, id: "timeline-1", body: body, bodyLocation: SourceLocation(file: file, line: line, column: 1))
    }

    /// A data set from the text of a data file holding `timelines:`.
    static func data(_ yaml: String, file: String = "data.yaml") throws -> DataSet {
        var data = DataSet()
        let root = try YAMLParsing.parse(yaml, file: file)
        for (key, value) in try root.mapping() where try key.string() == "timelines" {
            for (id, spec) in try value.mapping() {
                let name = try id.string()
                data.timelines[name] = YAMLSpec(id: name, value: spec)
            }
        }
        return data
    }

    /// The diagnostic a fence raises, or a test failure.
    static func diagnostic(_ body: String, data yaml: String = "timelines: {}",
                           file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            let data = try data(yaml)
            _ = try TimelineChart.layout(fence(body), data: data, frame: ChartFrame(width: 400, maximumHeight: 600),
                                         theme: ChartTheme(), measurer: FixedAdvanceMeasurer())
            XCTFail("expected an error", file: file, line: line)
        } catch let diagnostic as Diagnostic {
            return diagnostic
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

/// The shared SplitMix64 generator, under the name the timeline tests use.
typealias SeededGenerator = SeededRandom

/// Geometric checks on a laid-out timeline scene.
enum SceneChecks {
    /// Problems found: text over text, text over another event's mark, anything outside the drawing.
    static func problems(_ scene: TimelineScene) -> [String] {
        var found: [String] = []
        let bounds = Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height)
        let labels = scene.labels.map { (rect: $0.item.bounds, owner: $0.owner, text: $0.item.line.text) }
        for label in labels where !bounds.contains(label.rect) {
            found.append("label '\(label.text)' \(label.rect) leaves the chart \(scene.size)")
        }
        for mark in scene.marks where !bounds.contains(mark.bounds) {
            found.append("mark \(mark.bounds) leaves the chart")
        }
        for item in scene.background {
            if let rect = itemBounds(item), !bounds.contains(rect) { found.append("background \(rect) leaves the chart") }
        }
        // Sweep by x so thousands of labels stay cheap to check.
        let sorted = labels.sorted { $0.rect.minX < $1.rect.minX }
        for (index, a) in sorted.enumerated() {
            var next = index + 1
            while next < sorted.count, sorted[next].rect.minX < a.rect.maxX {
                if a.rect.intersects(sorted[next].rect) {
                    found.append("labels '\(a.text)' \(a.rect) and '\(sorted[next].text)' \(sorted[next].rect) overlap")
                }
                next += 1
            }
        }
        let marks = scene.marks.sorted { $0.bounds.minX < $1.bounds.minX }
        for label in labels {
            // Marks starting left of the label's right edge; a linear scan is fine at test sizes.
            for mark in marks {
                if mark.bounds.minX >= label.rect.maxX { break }
                if mark.owner != nil, mark.owner == label.owner { continue }
                if mark.bounds.intersects(label.rect) {
                    found.append("label '\(label.text)' \(label.rect) overlaps a mark \(mark.bounds)")
                }
            }
        }
        return found
    }

    static func itemBounds(_ item: DisplayItem) -> Rect? {
        switch item {
        case .rect(let r): return r.rect
        case .line(let l):
            let half = l.stroke.width / 2
            return Rect(x: min(l.from.x, l.to.x) - (l.from.y == l.to.y ? 0 : half), y: min(l.from.y, l.to.y) - (l.from.x == l.to.x ? 0 : half),
                        width: abs(l.to.x - l.from.x) + (l.from.y == l.to.y ? 0 : 2 * half),
                        height: abs(l.to.y - l.from.y) + (l.from.x == l.to.x ? 0 : 2 * half))
        case .text(let t): return t.bounds
        default: return nil
        }
    }
}
