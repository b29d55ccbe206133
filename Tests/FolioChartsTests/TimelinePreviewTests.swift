// A look-at preview: writes the sample timeline as SVG (monospace, so the fixed-advance widths are exact).
// Runs only with FOLIO_TIMELINE_PREVIEW=DIR; convert with any SVG renderer to look at it.
import FolioDisplay
@testable import FolioCharts
@testable import FolioModel
import XCTest

final class TimelinePreviewTests: XCTestCase {
    func testWritePreview() throws {
        guard let folder = ProcessInfo.processInfo.environment["FOLIO_TIMELINE_PREVIEW"] else { throw XCTSkip("set FOLIO_TIMELINE_PREVIEW=DIR") }
        let path = TimelineFixtures.repositoryRoot.appendingPathComponent("Assets/briefings/llama-timeline.yaml").path
        var data = DataSet()
        try DataSetLoader.load(paths: [(path, SourceLocation(file: "test", line: 1, column: 1))], into: &data)
        let cases: [(String, String, Double)] = [("llama", "use: llama-journey", 482), ("llama-2022", "use: llama-journey\nfrom: 2022-10", 482),
                                                 ("llama-narrow", "use: llama-journey", 300)]
        for (name, body, width) in cases {
            let timeline = try TimelineLoader.load(TimelineFixtures.fence(body), data: data)
            let scene = TimelineLayout(timeline: timeline, frame: ChartFrame(width: width, maximumHeight: 600), theme: ChartTheme(background: .white),
                                       measurer: FixedAdvanceMeasurer(advance: 0.602)).layout()
            try svg(scene.drawing).write(toFile: folder + "/\(name).svg", atomically: true, encoding: .utf8)
        }
        let big = TimelineBenchmarkTests.synthetic(count: 1000)
        let scene = TimelineLayout(timeline: big, frame: ChartFrame(width: 482, maximumHeight: 400), theme: ChartTheme(background: .white),
                                   measurer: FixedAdvanceMeasurer(advance: 0.602)).layout()
        try svg(scene.drawing).write(toFile: folder + "/synthetic-1000.svg", atomically: true, encoding: .utf8)
    }

    func svg(_ drawing: Drawing) -> String {
        func c(_ color: Color?) -> String { color.map { "\($0.hex.prefix(7))\" fill-opacity=\"\($0.alpha)" } ?? "none" }
        func s(_ stroke: Stroke?) -> String {
            stroke.map { "stroke=\"\($0.color.hex.prefix(7))\" stroke-opacity=\"\($0.color.alpha)\" stroke-width=\"\($0.width)\"" } ?? ""
        }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(drawing.size.width * 3)\" height=\"\(drawing.size.height * 3)\" viewBox=\"0 0 \(drawing.size.width) \(drawing.size.height)\">\n"
        for item in drawing.items {
            switch item {
            case .rect(let r):
                out += "<rect x=\"\(r.rect.x)\" y=\"\(r.rect.y)\" width=\"\(r.rect.width)\" height=\"\(r.rect.height)\" rx=\"\(r.cornerRadius)\" fill=\"\(c(r.fill))\" \(s(r.stroke))/>\n"
            case .line(let l):
                out += "<line x1=\"\(l.from.x)\" y1=\"\(l.from.y)\" x2=\"\(l.to.x)\" y2=\"\(l.to.y)\" \(s(l.stroke))/>\n"
            case .path(let p):
                if case .arc(let center, let radius, _, _)? = p.elements.first {
                    out += "<circle cx=\"\(center.x)\" cy=\"\(center.y)\" r=\"\(radius)\" fill=\"\(c(p.fill))\" \(s(p.stroke))/>\n"
                }
            case .text(let t):
                var x = t.origin.x
                for span in t.line.spans {
                    let text = span.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    out += "<text x=\"\(x)\" y=\"\(t.origin.y)\" font-family=\"DejaVu Sans Mono\" font-size=\"\(span.style.font.size)\" font-weight=\"\(span.style.font.weight)\" fill=\"\(c(span.style.color))\" xml:space=\"preserve\">\(text)</text>\n"
                    x += Double(span.text.count) * span.style.font.size * 0.602
                }
            case .image, .link, .anchor, .group: break
            }
        }
        return out + "</svg>\n"
    }
}
