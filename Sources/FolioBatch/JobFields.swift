import Folio
import FolioModel
import Yams

/// The job keys `defaults`, `jobs` and `matrix` entries share, read from YAML with positions.
struct JobFields {
    var layout: (name: String, location: SourceLocation)?
    var formats: [OutputFormat]?
    var dpi: Double?
    /// Overrides by key; a job's values replace the defaults' key by key.
    var settings: [JobSetting] = []
    var charts: ChartSelection?
    /// Parameter values; a job's values replace the defaults' name by name.
    var params: [ParamSetting] = []

    static let keys = ["layout", "formats", "png", "set", "charts", "params"]
    static let formatNames = OutputFormat.allCases.map(\.rawValue)

    /// Reads the shared keys of `fields` (the caller has already checked which keys are allowed).
    init(_ fields: YAMLFields) throws {
        if let value = fields["layout"] {
            let name = try value.string("a layout name or path")
            guard !name.isEmpty else { throw value.error("the layout is empty") }
            layout = (name, value.location)
        }
        if let value = fields["formats"] { formats = try Self.formats(value) }
        if let value = fields["png"] {
            let png = try value.fields("png options", allowed: ["dpi"])
            if let dpiValue = png["dpi"] {
                let dpi = try dpiValue.double("a resolution in dots per inch")
                guard dpi >= 10, dpi <= RenderOptions.maximumDPI else {
                    throw dpiValue.error("dpi must be between 10 and \(Int(RenderOptions.maximumDPI)), found \(dpiValue.kindName)")
                }
                self.dpi = dpi
            }
        }
        if let value = fields["set"] { settings = try Self.settings(value) }
        if let value = fields["charts"] { charts = try Self.charts(value) }
        if let value = fields["params"] { params = try JobParams.read(value) }
    }

    init() {}

    /// These fields on top of `base`: anything set here wins, `set` merges key by key.
    func applied(over base: JobFields) -> JobFields {
        var result = base
        if let layout { result.layout = layout }
        if let formats { result.formats = formats }
        if let dpi { result.dpi = dpi }
        if let charts { result.charts = charts }
        for setting in settings {
            result.settings.removeAll { $0.key == setting.key }
            result.settings.append(setting)
        }
        for param in params {
            result.params.removeAll { $0.key == param.key }
            result.params.append(param)
        }
        return result
    }

    /// `[pdf, png]` or a single `pdf`; unknown names get a hint.
    static func formats(_ value: YAMLValue) throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for item in try value.sequence("a list of formats (pdf, png, svg)", allowSingle: true) {
            let name = try item.string("a format name (pdf, png, svg)")
            guard let format = OutputFormat(rawValue: name.lowercased()) else {
                throw item.error("unknown format '\(name)'", hints: Suggestions.hint(for: name, in: formatNames))
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw value.error("formats is empty", hints: ["name at least one of: pdf, png, svg"]) }
        return formats
    }

    /// `{ subtitle: "Draft", authors: [A, B] }`: front-matter keys, values kept as YAML.
    static func settings(_ value: YAMLValue) throws -> [JobSetting] {
        var settings: [JobSetting] = []
        for (key, item) in try value.mapping("a mapping of front-matter keys to values") {
            let name = try key.string("a front-matter key")
            if name == "layout" {
                throw key.error("'layout' cannot be set through 'set'", hints: ["use the job's own 'layout' key"])
            }
            if name == "params" { throw key.error("parameters are set with 'params:', not through 'set'") }
            // Any front-matter key may be set (templates read it as page.KEY), but not a near miss of a known one.
            if !BriefingLoader.frontMatterKeys.contains(name), Suggestions.closest(to: name, in: BriefingLoader.frontMatterKeys) != nil {
                throw key.error("unknown front-matter key '\(name)' in set",
                                hints: Suggestions.hint(for: name, in: BriefingLoader.frontMatterKeys.filter { $0 != "layout" }))
            }
            guard !settings.contains(where: { $0.key == name }) else { throw key.error("duplicate key '\(name)' in set") }
            let text: String
            if case .scalar(let scalar) = item.node {
                // A scalar travels as a quoted string, so its text is kept exactly as written.
                text = Self.quoted(scalar.string)
            } else {
                text = try Yams.serialize(node: item.node)
            }
            settings.append(JobSetting(key: name, value: text, location: item.location))
        }
        return settings
    }

    /// `text` as a YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `all`, or a list of chart ids.
    static func charts(_ value: YAMLValue) throws -> ChartSelection {
        if case .scalar = value.node {
            let text = try value.string()
            guard text == "all" else {
                throw value.error("expected 'all' or a list of chart ids, found \(value.kindName)")
            }
            return .all
        }
        let items = try value.sequence("'all' or a list of chart ids")
        guard !items.isEmpty else { throw value.error("the list of charts is empty", hints: ["write charts: all"]) }
        return .only(try items.map { ChartSelection.ChartID(id: try $0.string("a chart id"), location: $0.location) })
    }
}
