import Folio
import FolioModel

/// The `matrix` form: one job per source × layout × set × row, named by a template.
///
/// ```yaml
/// matrix:
///   - name: "{source}-{layout}-{set}"     # fields: source, layout, set (1, 2, …) and each set key
///     sources: [a.md, b.md]
///     layouts: [briefing, landscape]
///     sets: [{ subtitle: "For sales" }, { subtitle: "For engineering" }]
///     formats: [pdf]
///   - name: "report-{region}"             # fields: a row's columns, source, layout
///     sources: [report.md]
///     rows: regions.csv                   # CSV, JSON or YAML list: one job per row, its columns the parameters
/// ```
enum MatrixExpansion {
    static let keys = ["name", "sources", "layouts", "sets", "rows"] + JobFields.keys

    /// The jobs one matrix entry expands to, in order: sources, then layouts, then sets.
    static func jobs(_ entry: YAMLValue, defaults: JobFields, context: BatchConfigLoader.Context, output: String) throws -> [BatchJob] {
        let fields = try entry.fields("a matrix entry", allowed: keys)
        let common = try JobFields(fields).applied(over: defaults)
        let sources = try fields.required("sources").sequence("a list of briefing paths", allowSingle: true)
        guard !sources.isEmpty else { throw try fields.required("sources").error("the list of sources is empty") }

        var layouts: [(name: String, location: SourceLocation)?] = [common.layout]
        if let value = fields["layouts"] {
            layouts = try value.sequence("a list of layout names or paths", allowSingle: true).map {
                (try $0.string("a layout name or path"), $0.location)
            }
            guard !layouts.isEmpty else { throw value.error("the list of layouts is empty") }
        }

        var sets: [(settings: [JobSetting], fields: [String: String])] = [([], [:])]
        if let value = fields["sets"] {
            sets = try value.sequence("a list of set mappings").map { item in
                var names: [String: String] = [:]
                for (key, value) in try item.mapping("a mapping of front-matter keys to values") {
                    if case .scalar = value.node { names[try key.string()] = JobName.slug(try value.string()) }
                }
                return (try JobFields.settings(item), names)
            }
            guard !sets.isEmpty else { throw value.error("the list of sets is empty") }
        }

        var rows: [[ParamSetting]] = [[]]
        if let value = fields["rows"] {
            rows = try JobParams.rows(of: context.resolve(try value.string("a rows file (CSV, JSON or YAML)")), referencedFrom: value.location)
        }

        let templateValue = fields["name"]
        let template = try templateValue?.string("a name template such as {source}-{layout}")
            ?? "{source}" + (layouts.count > 1 ? "-{layout}" : "") + (sets.count > 1 ? "-{set}" : "") + (rows.count > 1 ? "-{row}" : "")
        let templateLocation = templateValue?.location ?? entry.location
        let width = String(sets.count).count

        var jobs: [BatchJob] = []
        for sourceValue in sources {
            let source = try sourceValue.string("a briefing path")
            for layout in layouts {
                for (index, set) in sets.enumerated() {
                  for (rowIndex, row) in rows.enumerated() {
                    var values = set.fields
                    for param in row { values[param.key] = JobName.slug(param.value.description) }
                    values["row"] = String(rowIndex + 1)
                    values["source"] = JobName.slug(Renderer.baseName(of: source))
                    values["layout"] = layout.map { JobName.slug(Renderer.baseName(of: $0.name)) } ?? "default"
                    let number = String(index + 1)
                    values["set"] = String(repeating: "0", count: width - number.count) + number
                    let name = try JobName.expand(template, fields: values, at: templateLocation)

                    var job = common
                    if let layout { job.layout = layout }
                    var overrides = JobFields()
                    overrides.settings = set.settings
                    overrides.params = row
                    job = overrides.applied(over: job)
                    jobs.append(try context.job(name: name, at: templateLocation, source: source, at: sourceValue.location,
                                                fields: job, output: output))
                  }
                }
            }
        }
        return jobs
    }
}
