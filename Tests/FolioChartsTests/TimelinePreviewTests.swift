// The sample timeline written as SVG previews (monospace, so the fixed-advance widths are exact),
// checked: every label in the SVG, nothing outside the drawing, no label over another. The files go
// to FOLIO_TIMELINE_PREVIEW=DIR when set (to look at them), else to a temporary folder.
import FolioDisplay
@testable import FolioCharts
@testable import FolioModel
import FolioTestSupport
import XCTest

final class TimelinePreviewTests: XCTestCase {
    func testPreviewsHoldEveryLabelInsideTheDrawing() throws {
        let folder: String
        if let chosen = ProcessInfo.processInfo.environment["FOLIO_TIMELINE_PREVIEW"] {
            folder = chosen
        } else {
            folder = try TestSupport.temporaryFolder(for: self).path
        }
        let path = TimelineFixtures.repositoryRoot.appendingPathComponent("Assets/briefings/llama-timeline.yaml").path
        var data = DataSet()
        try DataSetLoader.load(paths: [(path, SourceLocation(file: "test", line: 1, column: 1))], into: &data)
        let cases: [(String, String, Double)] = [("llama", "use: llama-journey", 482), ("llama-2022", "use: llama-journey\nfrom: 2022-10", 482),
                                                 ("llama-narrow", "use: llama-journey", 300)]
        var scenes: [(String, TimelineScene)] = []
        for (name, body, width) in cases {
            let timeline = try TimelineLoader.load(TimelineFixtures.fence(body), data: data)
            scenes.append((name, TimelineLayout(timeline: timeline, frame: ChartFrame(width: width, maximumHeight: 600),
                                                theme: ChartTheme(background: .white), measurer: FixedAdvanceMeasurer(advance: 0.602)).layout()))
        }
        let big = TimelineBenchmarkTests.synthetic(count: 1000)
        scenes.append(("synthetic-1000", TimelineLayout(timeline: big, frame: ChartFrame(width: 482, maximumHeight: 400),
                                                        theme: ChartTheme(background: .white),
                                                        measurer: FixedAdvanceMeasurer(advance: 0.602)).layout()))
        for (name, scene) in scenes {
            let text = svg(scene.drawing)
            let file = folder + "/\(name).svg"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let written = try String(contentsOfFile: file, encoding: .utf8)
            XCTAssertTrue(written.hasPrefix("<svg") && written.hasSuffix("</svg>\n"), name)
            // One <text> per span of each text item (the drawing is flat), every label's text in the file.
            let texts = scene.drawing.items.compactMap { item -> TextItem? in if case .text(let text) = item { text } else { nil } }
            XCTAssertFalse(texts.isEmpty, name)
            XCTAssertEqual(written.components(separatedBy: "<text ").count - 1, texts.reduce(0) { $0 + $1.line.spans.count }, name)
            for label in scene.labels {
                for span in label.item.line.spans where !span.text.isEmpty {
                    XCTAssertTrue(written.contains(">\(escaped(span.text))</text>"), "\(name): '\(span.text)' missing")
                }
            }
            XCTAssertEqual(SceneChecks.problems(scene), [], name)
        }
        // The full sample shows every event's label, whole.
        let labels = Set(scenes[0].1.labels.map(\.item.line.text))
        for label in ["FAIR founded; LeCun joins", "Llama 1", "Llama 2 with Microsoft", "Llama 3.1", "DeepSeek open MoE model",
                      "Llama 4 Scout and Maverick", "TBD Lab under Alex Wang", "600 AI roles cut"] {
            XCTAssertTrue(labels.contains { $0.hasSuffix(label) }, "'\(label)' not drawn whole: \(labels.sorted())")
        }
    }

    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
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
            case .image, .link, .anchor, .group, .structure: break
            }
        }
        return out + "</svg>\n"
    }
}
