// FolioBatch: many reports from one config, built in parallel, incrementally, and in shards.
//
// Config → `BatchConfig` (BatchConfigLoader) → a plan of jobs to build or skip (BatchPlanner,
// JobManifest) → worker threads, each with its own `Renderer` (BatchExecutor, JobRunner) →
// a `BatchSummary`. The `folio batch` command only parses arguments and calls `BatchSession`.
import Folio
import FolioModel

/// One report to build: a briefing, how to lay it out, and which files to write.
public struct BatchJob: Sendable {
    /// A plain file name; every output of the job starts with it.
    public var name: String
    public var nameLocation: SourceLocation
    /// The briefing's path (the config's folder joined with what the config says).
    public var source: String
    public var sourceLocation: SourceLocation
    /// A layout name, or an absolute layout path; nil: the briefing's front matter decides.
    public var layout: String?
    public var layoutLocation: SourceLocation?
    /// Output formats, in the order written (at least one).
    public var formats: [OutputFormat]
    /// PNG resolution (pages), or 72 × scale for charts.
    public var dpi: Double
    /// Front-matter overrides: key and YAML text, in the order written.
    public var settings: [JobSetting]
    /// When set, the job exports these charts alone instead of the document's pages.
    public var charts: ChartSelection?
    /// Parameter values (`params:` or a matrix row), each with where the config writes it.
    public var params: [ParamSetting] = []
    /// Why the job cannot run (a name that would write outside the output folder); that job's failure.
    public var problem: Diagnostic?

    /// `diagnostic` moved from the briefing loader's `<--set KEY>` to where the config writes that value.
    public func locatingSettings(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.location.file.hasPrefix("<--set "),
              let setting = settings.first(where: { "<--set \($0.key)>" == diagnostic.location.file }),
              let location = setting.location else { return diagnostic }
        var moved = diagnostic
        moved.location = location
        moved.message += " (in 'set: \(setting.key)')"
        return moved
    }

    /// What a render of this job needs to know about the layout and `set` values.
    public var loadOptions: LoadOptions {
        LoadOptions(layout: layout, settings: settings.map { ($0.key, $0.value) }, params: params)
    }
}

/// A front-matter override from a `set:` mapping.
public struct JobSetting: Hashable, Sendable {
    public var key: String
    /// The value as YAML text (re-parsed by the briefing loader).
    public var value: String
    /// Where the config writes the value: errors in it are reported there. Not part of equality.
    public var location: SourceLocation?

    public init(key: String, value: String, location: SourceLocation? = nil) {
        self.key = key
        self.value = value
        self.location = location
    }

    public static func == (a: JobSetting, b: JobSetting) -> Bool { a.key == b.key && a.value == b.value }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
    }
}

/// Which charts a chart job exports.
public enum ChartSelection: Hashable, Sendable {
    case all
    /// These chart ids, each with where the config names it.
    case only([ChartID])

    /// A chart id as written in the config.
    public struct ChartID: Hashable, Sendable {
        public var id: String
        public var location: SourceLocation
    }
}

/// A loaded batch config: where outputs go and the jobs, in the order written.
public struct BatchConfig: Sendable {
    /// The config file's path.
    public var path: String
    /// The output folder (the config's folder joined with `output`).
    public var output: String
    public var jobs: [BatchJob]
}
