import Foundation
import Folio
import FolioModel

/// Reads a batch config (FORMATS.md section 4): `output`, `defaults`, `jobs` and `matrix`.
///
/// Mistakes in the config (unknown keys, a missing source, an unknown layout, bad formats,
/// duplicate names) throw a `Diagnostic` with the position; a job whose name would write outside
/// the output folder is kept with its `problem` set, so the other jobs still run.
public enum BatchConfigLoader {
    static let topKeys = ["output", "defaults", "jobs", "matrix"]
    static let jobKeys = ["name", "source"] + JobFields.keys

    /// Loads and checks the config at `path`.
    public static func load(_ path: String) throws -> BatchConfig {
        try load(text: InputFile.read(path, what: "batch config"), path: path)
    }

    /// Loads and checks a config already read into `text`; `path` names it and anchors relative paths.
    public static func load(text: String, path: String) throws -> BatchConfig {
        let root = try YAMLParsing.parse(text, file: path)
        let fields = try root.fields("the batch config", allowed: topKeys)
        let folder = OutputPath.folder(of: path)
        let context = Context(configFolder: folder)

        var output = "Output"
        if let value = fields["output"] {
            output = try value.string("an output folder")
            guard !output.isEmpty else { throw value.error("the output folder is empty") }
        }
        output = context.resolve(output)

        var defaults = JobFields()
        if let value = fields["defaults"] {
            defaults = try JobFields(value.fields("defaults", allowed: JobFields.keys))
        }

        var jobs: [BatchJob] = []
        if let value = fields["jobs"] {
            for entry in try value.sequence("a list of jobs") {
                let job = try entry.fields("a job", allowed: jobKeys)
                let nameValue = try job.required("name"), sourceValue = try job.required("source")
                let settings = try JobFields(job).applied(over: defaults)
                jobs.append(try context.job(name: try nameValue.string("a job name"), at: nameValue.location,
                                            source: try sourceValue.string("a briefing path"), at: sourceValue.location,
                                            fields: settings, output: output))
            }
        }
        if let value = fields["matrix"] {
            let entries = value.isMapping ? [value] : try value.sequence("a matrix entry or a list of them")
            for entry in entries {
                jobs += try MatrixExpansion.jobs(entry, defaults: defaults, context: context, output: output)
            }
        }
        guard !jobs.isEmpty else {
            throw root.error("the batch config has no jobs", hints: ["add a 'jobs:' list or a 'matrix:'"])
        }
        try checkUniqueNames(jobs)
        return BatchConfig(path: path, output: output, jobs: jobs)
    }

    static func checkUniqueNames(_ jobs: [BatchJob]) throws {
        var seen: [String: SourceLocation] = [:]
        for job in jobs {
            if let first = seen[job.name] {
                throw Diagnostic.error(at: job.nameLocation, "duplicate job name '\(job.name)'",
                                       hints: ["first used at \(first)", "job names must be unique: they name the output files"])
            }
            seen[job.name] = job.nameLocation
        }
    }

    /// Path resolution relative to the config's folder, and job assembly.
    struct Context {
        let configFolder: String

        /// `path` relative to the config's folder (absolute paths unchanged).
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") || configFolder.isEmpty ? path : (configFolder as NSString).appendingPathComponent(path)
        }

        /// A job from its name, source and settings, with its source and layout checked.
        func job(name: String, at nameLocation: SourceLocation, source: String, at sourceLocation: SourceLocation,
                 fields: JobFields, output: String) throws -> BatchJob {
            let sourcePath = resolve(source)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: sourcePath, isDirectory: &isFolder) else {
                throw Diagnostic.error(at: sourceLocation, "briefing '\(sourcePath)' does not exist")
            }
            guard !isFolder.boolValue else { throw Diagnostic.error(at: sourceLocation, "briefing '\(sourcePath)' is a folder") }
            let layout = try fields.layout.map { try resolveLayout($0.name, at: $0.location, source: sourcePath) }
            return BatchJob(name: name, nameLocation: nameLocation, source: sourcePath, sourceLocation: sourceLocation,
                            layout: layout, layoutLocation: fields.layout?.location,
                            formats: fields.formats ?? [.pdf], dpi: fields.dpi ?? (fields.charts == nil ? 150 : 144),
                            settings: fields.settings, charts: fields.charts, params: fields.params,
                            problem: JobName.problem(with: name, at: nameLocation, output: output))
        }

        /// A layout name or path as the briefing loader will take it: names stay names when the
        /// briefing's `Layouts/` or the built-in layouts have them; paths and the config's own
        /// `Layouts/NAME.yaml` become absolute paths.
        func resolveLayout(_ reference: String, at location: SourceLocation, source: String) throws -> String {
            let isPath = reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
            if isPath {
                let path = resolve(reference)
                guard FileManager.default.fileExists(atPath: path) else {
                    throw Diagnostic.error(at: location, "layout file '\(path)' does not exist")
                }
                return Paths.absolute(path)
            }
            let sourceFolder = Paths.folder(of: source)
            let beside = (sourceFolder as NSString).appendingPathComponent("Layouts/\(reference).yaml")
            if FileManager.default.fileExists(atPath: beside) || BuiltinLayouts.sources[reference] != nil { return reference }
            let configLayout = resolve("Layouts/\(reference).yaml")
            if FileManager.default.fileExists(atPath: configLayout) { return Paths.absolute(configLayout) }
            var known = Set(BuiltinLayouts.sources.keys)
            for folder in [sourceFolder, configFolder.isEmpty ? "." : configFolder] {
                let layouts = (folder as NSString).appendingPathComponent("Layouts")
                for file in (try? FileManager.default.contentsOfDirectory(atPath: layouts)) ?? [] where file.hasSuffix(".yaml") {
                    known.insert(String(file.dropLast(5)))
                }
            }
            throw Diagnostic.error(at: location, "unknown layout '\(reference)'", hints: Suggestions.hint(for: reference, in: known.sorted()))
        }
    }
}

extension YAMLValue {
    var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }
}
