import Folio
import FolioModel

/// `folio check CONFIG`: what a batch run would report, without writing: colliding outputs, jobs
/// with unsafe names, and each job checked as `folio check` checks a briefing (its parameters, data
/// and templates rendered; its `set:` errors at the config's lines), every failing job also named
/// at its own config line. `params` (from `--param`) come before each job's own.
enum BatchCheck {
    static func problems(of config: BatchConfig, params: [ParamSetting] = [], strict: Bool = false) throws -> [Diagnostic] {
        var problems = OutputCollisions.find(config.jobs)
        var renderer: Renderer?
        for job in config.jobs {
            if let problem = job.problem {
                problems.append(problem)
                continue
            }
            if renderer == nil { renderer = try Renderer(shapesInParallel: false).retainUntilExit() }
            guard let renderer else { continue }
            let errors = check(job, params: params, strict: strict, with: renderer)
            guard !errors.isEmpty else { continue }
            problems += errors
            problems.append(.error(at: job.nameLocation, "job '\(job.name)' would fail (\(errors.count) error\(errors.count == 1 ? "" : "s") above)"))
        }
        return problems
    }

    /// The job's errors: its briefing checked with the job's settings, then its charts laid out.
    static func check(_ job: BatchJob, params: [ParamSetting], strict: Bool = false, with renderer: Renderer) -> [Diagnostic] {
        var load = job.loadOptions
        load.params = params + job.params
        load.strict = strict
        let result = renderer.check(source: job.source, load: load)
        // --strict: the job's warnings count as errors.
        let errors = (strict ? StrictWarnings.errors(result.warnings) : []) + result.errors
        if !errors.isEmpty { return errors.map(job.locatingSettings) }
        guard let charts = job.charts else { return [] }
        do {
            let log = DiagnosticLog()
            let briefing = try BriefingLoader.load(path: job.source, options: load, log: log)
            var options = ChartExportOptions()
            options.formats = job.formats
            options.scale = job.dpi / 72
            if case .only(let ids) = charts {
                let known = briefing.charts.map(\.id)
                let missing = ids.filter { !known.contains($0.id) }
                if !missing.isEmpty {
                    return missing.map { .error(at: $0.location, "no chart '\($0.id)' in '\(job.source)'", hints: Suggestions.hint(for: $0.id, in: known)) }
                }
                options.only = ids.map(\.id)
            } else if briefing.charts.isEmpty {
                return [.error(at: job.sourceLocation, "'\(job.source)' has no charts to export")]
            }
            _ = try renderer.layoutCharts(briefing, options: options, log: log)
            return []
        } catch let diagnostic as Diagnostic {
            return [job.locatingSettings(diagnostic)]
        } catch {
            return [.error(at: job.nameLocation, "\(error)")]
        }
    }
}
