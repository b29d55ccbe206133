// The label invariants again, measured with Pango and the real fonts instead of the fixed-advance measurer.
import FolioCairo
import FolioDisplay
@testable import FolioCharts
@testable import FolioModel
import XCTest

final class TimelinePangoTests: XCTestCase {
    func testSampleAndRandomTimelinesWithPango() throws {
        let measurer = PangoMeasurer(fonts: try FontEnvironment())
        let path = TimelineFixtures.repositoryRoot.appendingPathComponent("Assets/briefings/llama-timeline.yaml").path
        var data = DataSet()
        try DataSetLoader.load(paths: [(path, SourceLocation(file: "test", line: 1, column: 1))], into: &data)
        for body in ["use: llama-journey", "use: llama-journey\nfrom: 2022-10"] {
            for width in [482.0, 300] {
                let timeline = try TimelineLoader.load(TimelineFixtures.fence(body), data: data)
                let scene = TimelineLayout(timeline: timeline, frame: ChartFrame(width: width, maximumHeight: 640), theme: ChartTheme(),
                                           measurer: measurer).layout()
                XCTAssertEqual(SceneChecks.problems(scene), [], "\(body) at \(width) pt")
                XCTAssertEqual(scene.hiddenCount, 0, "\(body) at \(width) pt")
            }
        }
        for seed in UInt64(1)...150 {
            let (timeline, frame) = TimelinePropertyTests.randomCase(seed: seed)
            let scene = TimelineLayout(timeline: timeline, frame: frame, theme: ChartTheme(), measurer: measurer).layout()
            let problems = SceneChecks.problems(scene)
            XCTAssertEqual(problems, [], "seed \(seed)")
        }
    }
}
