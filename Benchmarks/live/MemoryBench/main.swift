// folio-memory-bench: renders the sample briefing from memory with the library API and prints
// timings (Benchmarks/live/run.sh compares them with a cold `folio render`).
// Usage: folio-memory-bench SAMPLE_FOLDER [RUNS]
import Folio
import Foundation

func milliseconds(since start: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 }

let arguments = CommandLine.arguments
let folder = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : "Assets/briefings")
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 30 : 30
do {
    var files: [String: Data] = [:]
    for name in ["llama-data.yaml", "llama-timeline.yaml", "llama-org.yaml"] {
        files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    let text = try String(contentsOf: folder.appendingPathComponent("llama-journey.md"), encoding: .utf8)
    let input = BriefingInput(name: "llama-journey.md", text: text, files: files)

    var start = DispatchTime.now()
    let renderer = try Renderer().retainUntilExit()
    let setup = milliseconds(since: start)
    start = DispatchTime.now()
    let first = try renderer.render(input)
    let firstTime = milliseconds(since: start)
    var times: [Double] = []
    for _ in 0..<runs {
        start = DispatchTime.now()
        _ = try renderer.render(input)
        times.append(milliseconds(since: start))
    }
    times.sort()
    print(String(format: "renderer setup (fonts) %.1f ms; first in-memory render %.1f ms (%d pages, %d bytes)",
                 setup, firstTime, first.pageCount, first.files[0].count))
    print(String(format: "in-memory render, warm renderer: median %.1f ms, min %.1f ms, max %.1f ms (%d runs)",
                 times[times.count / 2], times[0], times[times.count - 1], runs))
} catch {
    FileHandle.standardError.write(Data("folio-memory-bench: \(error)\n".utf8))
    exit(1)
}
