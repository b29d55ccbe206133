import Folio
import FolioModel

extension BatchSession {
    /// `folio check CONFIG`: the config's errors, then every job loaded (its parameters, data and
    /// templates rendered, nothing laid out or written). Each failing job is reported at its config
    /// line, followed by the error itself at its own position.
    public static func checkJobs(config path: String, params: [ParamSetting] = []) throws -> (jobs: Int, problems: [Diagnostic]) {
        let config = try BatchConfigLoader.load(path)
        var problems: [Diagnostic] = []
        for job in config.jobs {
            if let problem = job.problem { problems.append(problem); continue }
            var options = job.loadOptions
            options.params = params + job.params
            do {
                _ = try BriefingLoader.load(path: job.source, options: options)
            } catch let diagnostic as Diagnostic {
                problems.append(.error(at: job.nameLocation, "job '\(job.name)' fails: \(diagnostic.message)"))
                problems.append(diagnostic)
            }
        }
        return (config.jobs.count, problems)
    }
}
