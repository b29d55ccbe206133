import Folio
import FolioTestSupport
import Foundation
import XCTest

/// Renders the sample briefing with the built `folio` binary and checks it with independent readers.
final class SampleBriefingTests: XCTestCase {
    /// One render of the sample, shared by the tests of this class.
    static let rendered: (folder: URL, pdf: String, log: TestSupport.Run)? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-sample-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pdf = folder.appendingPathComponent("sample.pdf").path
        guard let run = try? TestSupport.folio(["render", TestSupport.sampleBriefing, "-o", pdf]) else { return nil }
        return (folder, pdf, run)
    }()

    func samplePDF(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let rendered = try XCTUnwrap(Self.rendered, "could not run \(TestSupport.folioBinary)", file: file, line: line)
        XCTAssertEqual(rendered.log.status, 0, rendered.log.stderr, file: file, line: line)
        return rendered.pdf
    }

    func sampleBriefing() throws -> Briefing { try BriefingLoader.load(path: TestSupport.sampleBriefing) }

    func testEveryHeadingQuoteAndChineseTextIsInThePDF() throws {
        let text = try TestSupport.pdfText(try samplePDF())
        let briefing = try sampleBriefing()
        XCTAssertEqual(briefing.sections.count, 13)
        for heading in briefing.sections {
            XCTAssertTrue(text.contains(TestSupport.normalized(heading.content.plainText)), "heading missing: \(heading.content.plainText)")
        }
        var quotes: [String] = []
        for block in briefing.blocks {
            if case .quote(let inner) = block.kind {
                for paragraph in inner { if case .paragraph(let inlines) = paragraph.kind { quotes.append(inlines.plainText) } }
            }
        }
        XCTAssertEqual(quotes.count, 5)
        for quote in quotes { XCTAssertTrue(text.contains(TestSupport.normalized(quote)), "quote missing: \(quote)") }
        for chinese in ["AiToEarn官网", "AI模型排名"] { XCTAssertTrue(text.contains(chinese), "missing \(chinese)") }
        XCTAssertTrue(text.contains("Meta’s Llama Journey") && text.contains("From Glory to Crisis"))
    }

    func testChartsAreDrawnWithEveryLabel() throws {
        let text = try TestSupport.pdfText(try samplePDF())
        let orgNames = ["Meta AI in 2023", "Meta AI after the TBD restructuring", "Mark Zuckerberg", "TBD Lab", "Alex Wang",
                        "FAIR", "Yann LeCun & Joelle Pineau", "GenAI", "Ahmad Al-Dahle", "Tian Yuandong", "core ideas",
                        "ADDED", "MOVED", "REMOVED", "was under Mark Zuckerberg"]
        for name in orgNames { XCTAssertTrue(text.contains(name), "org chart text missing: \(name)") }
        XCTAssertTrue(text.contains("Figure 3. Meta AI before the restructuring"))
        XCTAssertTrue(text.contains("Figure 4. After the TBD restructuring"))
        // Every timeline label of the sample, read from its data file.
        let briefing = try sampleBriefing()
        let spec = try XCTUnwrap(briefing.data.timelines["llama-journey"])
        let events = try XCTUnwrap(try spec.value.mapping().first { (try? $0.key.string()) == "events" }?.value.sequence())
        XCTAssertEqual(events.count, 13)
        for event in events {
            let label = try XCTUnwrap(try event.mapping().first { (try? $0.key.string()) == "label" }?.value.string())
            XCTAssertTrue(text.contains(label), "timeline label missing: \(label)")
        }
        XCTAssertTrue(text.contains("Figure 2. Meta’s open-weight releases"))
    }

    /// pdftotext finds every axis and legend label of the sample's data chart.
    func testDataChartLabelsAreInTheText() throws {
        let text = try TestSupport.pdfText(try samplePDF())
        XCTAssertTrue(text.contains("Figure 1. Released model sizes over time, from 7B to 405B"))
        for label in ["Released model sizes, billions of parameters", "Smallest", "Largest", "Parameters (billions)",
                      "0", "100", "200", "300", "400", "500", "2023", "2024", "Apr", "Jul", "405", "65"] {
            XCTAssertTrue(text.contains(label), "data chart label missing: \(label)")
        }
    }

    func testPageCountSizeAndMetadata() throws {
        let info = try TestSupport.run(["pdfinfo", try samplePDF()])
        XCTAssertEqual(info.status, 0)
        let (document, _) = try Renderer().layout(source: TestSupport.sampleBriefing)
        XCTAssertTrue(info.stdout.contains("Pages:           \(document.pageCount)\n"), info.stdout)
        XCTAssertGreaterThanOrEqual(document.pageCount, 6)
        XCTAssertTrue(info.stdout.contains("Page size:       595.276 x 841.89 pts (A4)"), info.stdout)
        XCTAssertTrue(info.stdout.contains("Title:           Meta’s Llama Journey"), info.stdout)
        XCTAssertTrue(info.stdout.contains("Author:          Folio Research Desk"), info.stdout)
        XCTAssertTrue(info.stdout.contains("Keywords:        Meta, Llama"), info.stdout)
        XCTAssertTrue(info.stdout.contains("Creator:         Folio"), info.stdout)
        XCTAssertTrue(info.stdout.contains("CreationDate:    Sat Nov  1 00:00:00 2025"), info.stdout)
    }

    func testEveryFontIsEmbeddedAndSubset() throws {
        let fonts = try TestSupport.run(["pdffonts", try samplePDF()])
        let rows = fonts.stdout.split(separator: "\n").dropFirst(2)
        XCTAssertGreaterThanOrEqual(rows.count, 4)
        XCTAssertTrue(rows.contains { $0.contains("DroidSansFallback") }, "the Chinese text needs a CJK font")
        for row in rows {
            let columns = row.split(separator: " ")
            XCTAssertGreaterThanOrEqual(columns.count, 7, String(row))
            XCTAssertEqual(columns[columns.count - 5], "yes", "not embedded: \(row)")
            XCTAssertEqual(columns[columns.count - 4], "yes", "not subset: \(row)")
        }
    }

    func testQpdfFindsNoDamage() throws {
        let check = try TestSupport.run(["qpdf", "--check", try samplePDF()])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertFalse((check.stdout + check.stderr).contains("WARNING"), check.stdout + check.stderr)
    }

    func testOutlineEntriesPointAtTheirHeadingPages() throws {
        let json = try TestSupport.run(["qpdf", "--json", "--json-key=outlines", try samplePDF()])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        var entries: [(String, Int)] = []
        func visit(_ items: [[String: Any]]) {
            for item in items {
                entries.append((item["title"] as? String ?? "", item["destpageposfrom1"] as? Int ?? 0))
                visit(item["kids"] as? [[String: Any]] ?? [])
            }
        }
        visit(object?["outlines"] as? [[String: Any]] ?? [])
        let (document, _) = try Renderer().layout(source: TestSupport.sampleBriefing)
        XCTAssertEqual(entries.map(\.0), document.headings.map(\.mark.title))
        XCTAssertEqual(entries.map(\.1), document.headings.map(\.page))
    }

    func testLinksAreAnnotations() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let plain = folder.appendingPathComponent("plain.pdf").path
        XCTAssertEqual(try TestSupport.run(["qpdf", "--qdf", "--object-streams=disable", try samplePDF(), plain]).status, 0)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: plain)), as: UTF8.self)
        XCTAssertTrue(text.contains("/URI (https://aitoearn.ai/)"), "external link annotation")
        XCTAssertTrue(text.contains("/URI (https://rank.aitoearn.ai)"), "external link annotation")
        let (document, _) = try Renderer().layout(source: TestSupport.sampleBriefing)
        let objects = text.components(separatedBy: "endobj")
        let tocLinks = objects.filter { $0.contains("/Subtype /Link") && $0.contains("/Dest (sec-") }.count
        XCTAssertEqual(tocLinks, document.headings.count, "one clickable contents entry per heading")
        let dests = try TestSupport.run(["pdfinfo", "-dests", try samplePDF()])
        for (mark, page) in document.headings {
            XCTAssertTrue(dests.stdout.split(separator: "\n").contains {
                $0.hasSuffix("\"\(mark.anchor)\"") && $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(page) ")
            }, "destination \(mark.anchor) on page \(page)")
        }
    }

    /// Two separate `folio` processes (each with its own hash seed, thread timing, working folder,
    /// time zone, locale and font cache folder) write the same bytes: PDF, PNG and SVG.
    func testRendersInTwoProcessesAreByteIdentical() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        var outputs: [[String: Data]] = []
        for (index, environment) in [["TZ": "UTC", "LC_ALL": "C"], ["TZ": "Asia/Tokyo", "LC_ALL": "C.UTF-8"]].enumerated() {
            let run = folder.appendingPathComponent("run\(index)")
            try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
            var env = environment
            env["XDG_CACHE_HOME"] = run.appendingPathComponent("cache").path
            for (format, output) in [("pdf", "out/sample.pdf"), ("png", "out"), ("svg", "out")] {
                let result = try TestSupport.folio(["render", TestSupport.sampleBriefing, "--format", format, "--dpi", "40",
                                                    "-o", run.appendingPathComponent(output).path], in: index == 0 ? folder : run,
                                                   environment: env)
                XCTAssertEqual(result.status, 0, result.stderr)
            }
            let out = run.appendingPathComponent("out")
            var files: [String: Data] = [:]
            for name in TestSupport.files(in: out) { files[name] = try Data(contentsOf: out.appendingPathComponent(name)) }
            outputs.append(files)
        }
        XCTAssertTrue(outputs[0].keys.contains("sample.pdf") && outputs[0].keys.contains("llama-journey-001.png")
                      && outputs[0].keys.contains("llama-journey-001.svg"), "\(outputs[0].keys.sorted())")
        XCTAssertEqual(outputs[0].keys.sorted(), outputs[1].keys.sorted())
        for (name, data) in outputs[0] { XCTAssertEqual(data, outputs[1][name], "\(name) differs between two processes") }
    }

    /// Shaping shared between two threads (each with its own font map) must give exactly the PDF
    /// one thread gives: which thread shaped a line may never show in the output. The helper thread
    /// must really have shaped part of it (else serial is compared with serial).
    func testParallelShapingGivesTheSerialPDF() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        var renders: [Data] = []
        for parallel in [false, true, true] {
            let path = folder.appendingPathComponent("\(parallel)-\(renders.count).pdf").path
            let renderer = try Renderer(shapesInParallel: parallel)
            XCTAssertEqual(renderer.measurer.shapesAhead, parallel && ProcessInfo.processInfo.activeProcessorCount > 1)
            var options = RenderOptions()
            options.output = path
            _ = try renderer.render(source: TestSupport.sampleBriefing, options: options)
            renders.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            XCTAssertNil(renderer.measurer.helperFailure, "the helper thread did not start")
            if renderer.measurer.shapesAhead {
                XCTAssertGreaterThan(renderer.measurer.helperShaped, 0, "the helper thread shaped nothing")
            } else {
                XCTAssertEqual(renderer.measurer.helperShaped, 0)
            }
        }
        XCTAssertEqual(renders[0], renders[1], "parallel shaping changed the PDF")
        XCTAssertEqual(renders[1], renders[2], "two parallel renders differ")
    }

    /// Mutated copies of the sample (a control character in a list item, a byte replaced, deleted
    /// or inserted) render in this process with both shaping threads, one renderer per render, and
    /// each either writes its PDF or fails with an error and writes nothing: never a crash. (The
    /// thousands-of-inputs version runs the binary: Scripts/stress-mutations.)
    func testMutatedSamplesRenderWithoutCrash() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let samples = URL(fileURLWithPath: TestSupport.sampleBriefing).deletingLastPathComponent()
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.sampleBriefing)))
        let listItems = original.indices.filter { index in
            index + 2 < original.count && (index == 0 || original[index - 1] == 0x0A) && original[index] == UInt8(ascii: "-")
                && original[index + 1] == 0x20
        }
        XCTAssertGreaterThan(listItems.count, 10)
        // A fresh seed each run (FOLIO_MUTATION_SEED replays one); printed so a crash can be replayed.
        var rng = SystemRandomNumberGenerator()
        let base = ProcessInfo.processInfo.environment["FOLIO_MUTATION_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0..<1_000_000, using: &rng)
        print("mutation seeds \(base)…\(base + 39) (FOLIO_MUTATION_SEED=\(base) replays them)")
        var rendered = 0, rejected = 0, helperShaped = 0
        for trial in 0..<40 {
            var random = SeededRandom(seed: base &+ UInt64(trial))
            var bytes = original
            if trial % 2 == 0 {
                // A control character (never a newline) a few characters into a list item.
                let control = UInt8.random(in: 1...31, using: &random)
                let at = (listItems.randomElement(using: &random) ?? 0) + 2 + Int.random(in: 0...6, using: &random)
                bytes.insert(control == 0x0A ? 0x7F : control, at: min(at, bytes.count))
            } else {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch trial % 3 {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
                }
            }
            let source = folder.appendingPathComponent("mutated.md")
            try Data(bytes).write(to: source)
            if ProcessInfo.processInfo.environment["FOLIO_MUTATION_KEEP"] == "1" {
                try Data(bytes).write(to: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("folio-mutation-\(base &+ UInt64(trial)).md"))
            }
            let output = folder.appendingPathComponent("out-\(trial).pdf").path
            // FOLIO_TEST_SERIAL=1 shapes on one thread (to tell a threading fault from any other).
            let renderer = try Renderer(shapesInParallel: ProcessInfo.processInfo.environment["FOLIO_TEST_SERIAL"] != "1")
            var options = RenderOptions()
            options.output = output
            do {
                _ = try renderer.render(source: source.path, options: options)
                rendered += 1
                let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: output)).readData(ofLength: 5)
                XCTAssertEqual(String(decoding: head, as: UTF8.self), "%PDF-", "seed \(base &+ UInt64(trial))")
            } catch {
                rejected += 1
                XCTAssertFalse(FileManager.default.fileExists(atPath: output), "seed \(base &+ UInt64(trial)): \(error)")
            }
            helperShaped += renderer.measurer.helperShaped
            XCTAssertNil(renderer.measurer.helperFailure)
        }
        XCTAssertEqual(rendered + rejected, 40)
        XCTAssertGreaterThan(rendered, 10, "most mutations still render")
        if ProcessInfo.processInfo.activeProcessorCount > 1 { XCTAssertGreaterThan(helperShaped, 0, "both threads shaped") }
        // Nothing but the data files and the PDFs of successful renders is left in the folder.
        let left = TestSupport.files(in: folder).filter { !$0.hasSuffix(".yaml") && !$0.hasSuffix(".pdf") && $0 != "mutated.md" }
        XCTAssertEqual(left, [])
    }

    func testNoGlyphIsMissing() throws {
        let renderer = try Renderer()
        _ = try renderer.layout(source: TestSupport.sampleBriefing)
        XCTAssertEqual(renderer.measurer.unknownGlyphCount, 0, "tofu: some characters have no font")
        // The measurer does count tofu: a private-use character no font has.
        let line = renderer.measurer.measureLine([TextSpan("\u{F0000}", style: TextStyle(font: FontSpec(family: "Noto Serif", size: 10)))], lang: "en")
        XCTAssertGreaterThan(line.width, 0)
        XCTAssertEqual(renderer.measurer.unknownGlyphCount, 1)
    }

    func testNoOutputFileIsLeftBesideThePDF() throws {
        let rendered = try XCTUnwrap(Self.rendered)
        XCTAssertEqual(TestSupport.files(in: rendered.folder), ["sample.pdf"])
    }
}

