import Foundation
import Folio
import FolioModel

/// What a job's outputs depend on: its settings (the key) and the files a build reads (the inputs).
enum JobInputs {
    /// A hash of everything about the job that is not a file: the tool's version, the source's
    /// path, the layout reference, set values, formats, resolution and chart selection.
    static func key(for job: BatchJob) -> String {
        var hash = ContentHash()
        hash.add("folio \(FolioVersion.current)")
        hash.add(BuiltinLayouts.sources["briefing"] ?? "")
        hash.add(Paths.absolute(job.source))
        hash.add("layout=\(job.layout ?? "")")
        for setting in job.settings { hash.add("set \(setting.key)=\(setting.value)") }
        for param in job.params { hash.add("param \(param.key)=\(param.value)") }
        hash.add("formats=" + job.formats.map(\.rawValue).joined(separator: ","))
        hash.add("dpi=\(job.dpi)")
        switch job.charts {
        case nil: hash.add("pages")
        case .all: hash.add("charts=all")
        case .only(let ids): hash.add("charts=" + ids.map(\.id).joined(separator: ","))
        }
        return hash.hex
    }

    /// Every file a build of `briefing` read, as absolute paths: the source, data files, images
    /// and the layout (a `Layouts/NAME.yaml` beside the briefing counts even while absent).
    static func files(of briefing: Briefing, job: BatchJob) -> [String] {
        var files = [job.source] + briefing.data.files.compactMap { cellInput(for: $0, data: briefing.data) }
        files += Block.imageFiles(in: briefing.blocks)
        files += layoutFiles(for: job)
        var seen = Set<String>()
        return files.map { $0.hasPrefix(InputFingerprints.builtinPrefix) || $0.hasPrefix(CellFingerprint.prefix) ? $0 : Paths.absolute($0) }
            .filter { seen.insert($0).inserted }
    }

    /// A data file as an input: a CSV table by the cells the build read (`cells:PATH?SPEC`, nil when it
    /// read none), any other file whole.
    static func cellInput(for path: String, data: DataSet) -> String? {
        guard let table = data.tables.values.first(where: { $0.csvFile == path }), !table.rows.isEmpty else { return path }
        guard let spec = data.reads.spec(for: table.id) else { return nil }
        return CellFingerprint.prefix + Paths.absolute(path) + "?" + spec
    }

    /// The layout file the loader reads, and the ones whose appearance would change its choice.
    static func layoutFiles(for job: BatchJob) -> [String] {
        let folder = Paths.folder(of: job.source)
        let reference = job.layout ?? frontMatterLayout(of: job.source) ?? "briefing"
        if reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") {
            return [reference.hasPrefix("/") ? reference : Paths.join(folder, reference)]
        }
        return [Paths.join(folder, "Layouts/\(reference).yaml"), InputFingerprints.builtinPrefix + reference + ".yaml"]
    }

    /// The `layout:` of the briefing's front matter, if it names one.
    static func frontMatterLayout(of source: String) -> String? {
        guard let text = try? InputFile.read(source, what: "briefing"),
              let split = try? FrontMatter(splitting: text, file: source), let yaml = split.yaml,
              let root = try? YAMLParsing.parse(yaml, file: source),
              let pairs = try? root.mapping() else { return nil }
        for (key, value) in pairs where (try? key.string()) == "layout" { return try? value.string() }
        return nil
    }
}
