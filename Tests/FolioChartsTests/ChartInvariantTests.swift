@testable import FolioCharts
import FolioDisplay
@testable import FolioModel
import Foundation
import XCTest

/// The same invariants for every chart kind, checked on the display list itself over thousands of
/// random charts: no text box overlaps another text box; a text box that touches a rectangle (a
/// card, a bar, a band) lies wholly inside it (it belongs to it); no text leaves the drawing.
final class ChartInvariantTests: XCTestCase {
    let measurer = FixedAdvanceMeasurer()

    /// The first broken invariant of `drawing`, described, or nil.
    static func problem(_ drawing: Drawing) -> String? {
        var texts: [(Rect, String)] = [], rects: [Rect] = []
        Self.flatten(drawing.items, Transform(), texts: &texts, rects: &rects)
        let bounds = Rect(x: 0, y: 0, width: drawing.size.width, height: drawing.size.height).insetBy(-0.01)
        let slack = 0.3
        for (index, text) in texts.enumerated() where !text.1.trimmingCharacters(in: .whitespaces).isEmpty {
            if !bounds.contains(text.0) { return "text '\(text.1)' \(text.0) leaves the drawing \(drawing.size)" }
            let box = text.0.insetBy(slack)
            for other in texts[(index + 1)...] where !other.1.trimmingCharacters(in: .whitespaces).isEmpty {
                if other.0.insetBy(slack).intersects(box) { return "texts '\(text.1)' \(text.0) and '\(other.1)' \(other.0) overlap" }
            }
            for rect in rects where rect.width > 0 && rect.height > 0 && rect.intersects(box) && !rect.insetBy(-slack).contains(text.0) {
                return "text '\(text.1)' \(text.0) crosses the edge of a box \(rect) it is not inside"
            }
        }
        return nil
    }

    /// Page = origin + rotation · scale · point, as the painters apply a group (affine, composed).
    struct Transform {
        var a = 1.0, b = 0.0, c = 0.0, d = 1.0, tx = 0.0, ty = 0.0
        func apply(_ p: Point) -> Point { Point(x: a * p.x + c * p.y + tx, y: b * p.x + d * p.y + ty) }
        func then(_ group: GroupItem) -> Transform {
            let cosine = cos(group.rotation) * group.scale, sine = sin(group.rotation) * group.scale
            let local = Transform(a: cosine, b: sine, c: -sine, d: cosine, tx: group.origin.x, ty: group.origin.y)
            return Transform(a: a * local.a + c * local.b, b: b * local.a + d * local.b,
                             c: a * local.c + c * local.d, d: b * local.c + d * local.d,
                             tx: a * local.tx + c * local.ty + tx, ty: b * local.tx + d * local.ty + ty)
        }
        /// The bounding box of `rect` transformed.
        func box(_ rect: Rect) -> Rect {
            let corners = [Point(x: rect.minX, y: rect.minY), Point(x: rect.maxX, y: rect.minY),
                           Point(x: rect.minX, y: rect.maxY), Point(x: rect.maxX, y: rect.maxY)].map(apply)
            let xs = corners.map(\.x), ys = corners.map(\.y)
            let minX = xs.min() ?? 0, minY = ys.min() ?? 0
            return Rect(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
        }
    }

    /// Every text's box and every rectangle, on the page, groups' moves, turns and scales applied.
    static func flatten(_ items: [DisplayItem], _ transform: Transform, texts: inout [(Rect, String)], rects: inout [Rect]) {
        for item in items {
            switch item {
            case .text(let text): texts.append((transform.box(text.bounds), text.line.text))
            case .rect(let rect): rects.append(transform.box(rect.rect))
            case .group(let group): flatten(group.items, transform.then(group), texts: &texts, rects: &rects)
            default: break
            }
        }
    }

    func testOrgChartsWithLinks() {
        var failures = 0
        for trial in 0..<600 {
            let seed = UInt64(20_261_130) &+ UInt64(trial)
            var rng = OrgSeededRandom(seed: seed)
            let count = Int.random(in: 2...(trial % 20 == 0 ? 400 : 30), using: &rng)
            var org = OrgFixtures.randomOrg(count: count, rng: &rng, roots: Int.random(in: 1...3, using: &rng),
                                            leafy: Bool.random(using: &rng))
            org.links = OrgLinkPropertyTests.randomLinks(org, count: Int.random(in: 0...6, using: &rng), rng: &rng)
            let request = OrgRequest(org: org, baseline: nil, caption: nil, root: nil, depth: nil, options: OrgOptions())
            let frame = ChartFrame(width: Double.random(in: 240...700, using: &rng), maximumHeight: Double.random(in: 300...900, using: &rng))
            let chart = OrgChart.render(request, chartID: "inv", frame: frame, theme: ChartTheme(), measurer: measurer)
            for (part, drawing) in ([chart.drawing] + chart.continuations).enumerated() {
                guard let problem = Self.problem(drawing) else { continue }
                XCTFail("org seed \(seed), part \(part + 1): \(problem)")
                failures += 1
                break
            }
            if failures >= 5 { return }
        }
    }

    func testTimelines() {
        var failures = 0
        for offset in 0..<1_500 as Range<UInt64> {
            let seed = 31_000 &+ offset
            let (timeline, frame) = TimelinePropertyTests.randomCase(seed: seed)
            let scene = TimelineLayout(timeline: timeline, frame: frame, theme: ChartTheme(), measurer: FixedAdvanceMeasurer(advance: 0.55)).layout()
            if let problem = Self.problem(scene.drawing) {
                XCTFail("timeline seed \(seed): \(problem)")
                failures += 1
                if failures >= 5 { return }
            }
        }
    }

    func testDataCharts() {
        var failures = 0
        for seed in 5_000..<6_500 as Range<UInt64> {
            let (chart, frame) = DataChartPropertyTests.randomChart(seed: seed)
            let scene = DataChartView.scene(chart, frame: frame, theme: ChartTheme(), measurer: measurer)
            if let problem = Self.problem(scene.drawing) {
                XCTFail("data chart seed \(seed) (\(chart.kind)): \(problem)")
                failures += 1
                if failures >= 5 { return }
            }
        }
    }
}
