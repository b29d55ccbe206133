import Foundation
import Folio
import FolioLayout
import FolioModel

/// Builds jobs one after another on one thread, with one `Renderer` reused for all of them, so
/// the font map, its catalog of prepared fonts, and the shaping caches carry over from job to job.
///
/// Not thread-safe (Pango): each worker thread makes its own.
final class JobRunner {
    let renderer: Renderer
    let output: OutputFolder
    let manifest: JobManifest
    let fingerprints: InputFingerprints
    /// `--strict`: a job with warnings fails before writing.
    let strict: Bool

    init(output: OutputFolder, fingerprints: InputFingerprints, strict: Bool = false) throws {
        self.strict = strict
        // One thread per worker: the workers themselves fill the cores. Freed by the OS at exit (teardown is slow).
        renderer = try Renderer(shapesInParallel: false).retainUntilExit()
        self.output = output
        manifest = JobManifest(output: output.path)
        self.fingerprints = fingerprints
    }

    /// Builds the job; any error becomes a failed outcome with a `FILE:LINE:COLUMN` message.
    func run(_ planned: PlannedJob) -> JobOutcome {
        let start = Date()
        let job = planned.job
        var outcome = JobOutcome(name: job.name, status: .failed)
        outcome.reason = planned.reason
        do {
            if let problem = job.problem { throw problem }
            let previous = manifest.record(for: job.name)
            manifest.remove(job.name)
            let log = DiagnosticLog()
            let briefing = try BriefingLoader.load(path: job.source, options: job.loadOptions, log: log)
            let inputs = fingerprints.hashes(of: JobInputs.files(of: briefing, job: job))
            let written = job.charts == nil ? try writePages(briefing, job: job, log: log) : try writeCharts(briefing, job: job, log: log)
            outcome.files = written.files
            outcome.pages = written.pages
            try manifest.store(JobRecord(key: planned.key, inputs: inputs, files: written.files, pages: written.pages), for: job.name)
            removeStale(previous?.files ?? [], keeping: written.files, job: job)
            outcome.status = .built
            outcome.warnings = log.diagnostics
        } catch let diagnostic as Diagnostic {
            outcome.error = job.locatingSettings(diagnostic).description
        } catch let error as OutputError {
            // Writing failed: reported at the job's config line, the message naming the output path.
            outcome.error = Diagnostic.error(at: job.nameLocation, error.description).description
        } catch {
            outcome.error = "\(SourceLocation.start(of: job.source)): error: \(error)"
        }
        outcome.seconds = Date().timeIntervalSince(start)
        return outcome
    }

    /// The document's pages: `NAME.pdf`, and `NAME-001.png` / `.svg` per page, streamed page by page.
    func writePages(_ briefing: Briefing, job: BatchJob, log: DiagnosticLog) throws -> (files: [String], pages: Int) {
        let document = try renderer.layout(briefing, log: log)
        if strict, let first = log.diagnostics.first {
            let more = log.diagnostics.count - 1
            throw Diagnostic.error(at: first.location, first.message + (more > 0 ? " (and \(more) more warnings)" : "") + " [--strict]")
        }
        var files: [String] = []
        for format in job.formats {
            if format == .pdf {
                let file = job.name + ".pdf"
                try output.checkTarget(file, job: job)
                try OutputFile.write(Paths.join(output.path, file), filter: renderer.outputFilter) { sink in try renderer.writePDF(document, to: sink) }
                files.append(file)
            } else {
                let names = (1...max(1, document.pageCount)).map { String(format: "%@-%03d.%@", job.name, $0, format.rawValue) }
                for name in names { try output.checkTarget(name, job: job) }
                let paths = try renderer.writePages(document, folder: output.path, name: job.name, format: format, dpi: job.dpi)
                files += paths.map { ($0 as NSString).lastPathComponent }
            }
        }
        return (files, document.pageCount)
    }

    /// Charts alone, `NAME-CHARTID.EXT`: exported into a private staging folder, then renamed into place.
    func writeCharts(_ briefing: Briefing, job: BatchJob, log: DiagnosticLog) throws -> (files: [String], pages: Int) {
        var options = ChartExportOptions()
        options.formats = job.formats
        options.scale = job.dpi / 72
        options.load = job.loadOptions
        options.load.strict = strict
        if case .only(let ids) = job.charts {
            let known = briefing.charts.map(\.id)
            for chart in ids where !known.contains(chart.id) {
                throw Diagnostic.error(at: chart.location, "no chart '\(chart.id)' in '\(job.source)'",
                                       hints: Suggestions.hint(for: chart.id, in: known))
            }
            options.only = ids.map(\.id)
        } else if briefing.charts.isEmpty {
            throw Diagnostic.error(at: job.sourceLocation, "'\(job.source)' has no charts to export")
        }
        let staging = Paths.join(output.staging, "\(job.name).\(getpid())")
        try? FileManager.default.removeItem(atPath: staging)
        options.output = staging
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let result = try renderer.exportCharts(briefing, options: options, log: log)
        let prefix = Renderer.baseName(of: job.source) + "-"
        var moves: [(String, String)] = []
        for path in result.files {
            let produced = (path as NSString).lastPathComponent
            let file = job.name + "-" + produced.dropFirst(produced.hasPrefix(prefix) ? prefix.count : 0)
            try output.checkTarget(file, job: job)
            moves.append((path, file))
        }
        for (path, file) in moves { try OutputFile.commit(path, to: Paths.join(output.path, file)) }
        return (moves.map(\.1), result.pageCount)
    }

    /// Deletes outputs an earlier build of the job wrote that this one did not (fewer pages, a chart gone).
    func removeStale(_ previous: [String], keeping current: [String], job: BatchJob) {
        let keep = Set(current)
        for file in previous where !keep.contains(file) && JobName.problem(with: file, at: job.nameLocation, output: "") == nil
            && file.hasPrefix(job.name) {
            try? FileManager.default.removeItem(atPath: Paths.join(output.path, file))
        }
    }
}
