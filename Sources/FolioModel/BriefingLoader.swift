import Foundation

/// What the caller may change about a load: the layout, front-matter overrides (`--set`) and parameters.
public struct LoadOptions: Sendable {
    /// A layout name or path that replaces the front matter's `layout`.
    public var layout: String?
    /// `KEY=VALUE` overrides of front-matter keys, applied in order; values are YAML.
    public var settings: [(key: String, value: String)]
    /// Parameter values over the `params:` defaults, applied in order (`--param`, then a batch job's).
    public var params: [ParamSetting]
    /// `--strict`: the command turns warnings into errors (it writes nothing when there are any).
    public var strict = false
    /// PDF standards asked for on the command line (`--pdf-standard`), added to the layout's.
    public var pdfStandards: [String] = []

    public init(layout: String? = nil, settings: [(key: String, value: String)] = [], params: [ParamSetting] = []) {
        self.layout = layout
        self.settings = settings
        self.params = params
    }
}

/// Every field compared (a field added above must be added here): a briefing loaded with other
/// options than asked for must never be used (`BriefingPreload.speculate`).
extension LoadOptions: Equatable {
    public static func == (a: LoadOptions, b: LoadOptions) -> Bool {
        a.layout == b.layout && a.settings.elementsEqual(b.settings, by: { $0.key == $1.key && $0.value == $1.value })
            && a.params == b.params && a.strict == b.strict && a.pdfStandards == b.pdfStandards
    }
}

/// Loads a briefing: front matter, parameters, data files, layout and Markdown body into a `Briefing`.
///
/// A briefing is a template (docs/templates.md): its data paths, front-matter values and body are
/// rendered with the parameters, the front matter (`page`) and the data before they are read.
public enum BriefingLoader {
    public static let frontMatterKeys = ["title", "subtitle", "date", "authors", "author", "lang", "layout",
                                         "data", "keywords", "subject", "params", "watermark"]

    public static func load(path: String, options: LoadOptions = LoadOptions(), log: DiagnosticLog = DiagnosticLog()) throws -> Briefing {
        try load(text: InputFile.read(path, what: "briefing"), path: path, options: options, log: log)
    }

    /// Loads a briefing already read into `text`; `path` names it in errors and anchors relative paths.
    public static func load(text: String, path: String, options: LoadOptions = LoadOptions(), log: DiagnosticLog = DiagnosticLog()) throws -> Briefing {
        // (Foundation's deletingLastPathComponent traps on a one-character path such as `a`.)
        let folderPart = path.count < 2 ? "" : (path as NSString).deletingLastPathComponent
        let baseFolder = folderPart.isEmpty ? "." : folderPart
        var split = try FrontMatter(splitting: text, file: path)
        var fields = FrontMatterFields()
        if let read = try frontMatter(split, file: path, log: log) { fields = read } else { split = FrontMatter(body: text) }
        try apply(options.settings, to: &fields)
        let params = try Parameters.resolve(declared: fields.values["params"], settings: options.params)
        let lang = (try? fields.values["lang"]?.string()).flatMap { TemplateScanner.hasTags($0) ? nil : $0 } ?? "en"
        let engine = TemplateEngine.shared(lang: lang)
        var context = TemplateContext(params: params, page: fields.entries)

        var data = DataSet()
        if let dataValue = fields.values["data"] {
            let rendered = try TemplateYAML(engine: engine, context: context.values()).render(dataValue)
            let paths = try rendered.sequence("a data file path or a list of them", allowSingle: true).map { entry -> (String, SourceLocation) in
                let relative = try entry.string("a data file path")
                let joined = relative.hasPrefix("/") || baseFolder == "." ? relative : (baseFolder as NSString).appendingPathComponent(relative)
                return (joined, entry.location)
            }
            try DataSetLoader.load(paths: paths, into: &data, engine: engine, context: context.values())
        }
        context.data = data

        // Front-matter values, then the body, rendered with everything. The context (every data
        // cell as a template value) is made only when some text holds a template tag.
        let rendersTemplates = TemplateScanner.hasTags(split.body)
            || fields.values.contains { $0.key != "params" && $0.key != "data" && TemplateYAML.hasTags($0.value.node) }
        let values = rendersTemplates ? context.values(for: text) : [:]
        let renderer = TemplateYAML(engine: engine, context: values)
        var rendered: [String: YAMLValue] = [:]
        for (key, value) in fields.values where key != "params" && key != "data" { rendered[key] = try renderer.render(value) }
        let (body, bodyLines) = try engine.renderBody(TemplateSource(text: split.body, file: path, line: split.bodyLineOffset + 1),
                                                      context: values)

        var metadata = try readMetadata(rendered, file: path)
        let layoutName = try options.layout ?? rendered["layout"]?.string("a layout name or path") ?? "briefing"
        let layoutLocation = options.layout == nil ? (rendered["layout"]?.location ?? .start(of: path))
                                                   : SourceLocation(file: "<--layout>", line: 1, column: 1)
        var layout = try LayoutLoader.load(layoutName, baseFolder: baseFolder, at: layoutLocation)
        for standard in options.pdfStandards where !layout.pdfStandards.contains(standard) { layout.pdfStandards.append(standard) }

        var parser = MarkdownParser(file: path, lineOffset: split.bodyLineOffset, baseFolder: baseFolder, data: data, log: log)
        parser.lineMap = bodyLines
        let blocks = try parser.parse(body)
        if rendered["title"] == nil, let first = blocks.first(where: { if case .heading = $0.kind { return true } else { return false } }),
           case .heading(let heading) = first.kind {
            metadata.title = heading.content.plainText
        } else if rendered["title"] == nil {
            metadata.title = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        var briefing = Briefing(metadata: metadata, blocks: blocks, data: data, layout: layout, sourcePath: path)
        briefing.characters = data.characters.union(Characters.nonASCII(in: text)).union(Characters.nonASCII(in: body))
        for value in rendered.values { briefing.characters.formUnion(Characters.nonASCII(in: value.node.string ?? "")) }
        for (_, setting) in options.settings { briefing.characters.formUnion(Characters.nonASCII(in: setting)) }
        for entry in params { briefing.characters.formUnion(Characters.nonASCII(in: entry.value.description)) }
        // Characters written as entities (`&#xD06;`) appear only in the parsed text.
        briefing.characters.formUnion(parser.characters)
        return briefing
    }

    /// The front matter's keys in order. Unknown keys are allowed (templates read them as
    /// `page.KEY`); one within a small edit distance of a known key warns, as it is likely a typo.
    ///
    /// Nil, with a warning, when the block between the `---` lines is YAML but not a mapping
    /// (`---`, `Foo`, `---`): as in pandoc, it is then no front matter, and CommonMark reads those
    /// lines as a thematic break and a heading.
    static func frontMatter(_ split: FrontMatter, file: String, log: DiagnosticLog) throws -> FrontMatterFields? {
        var fields = FrontMatterFields()
        guard let yaml = split.yaml, !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return fields }
        let root = try YAMLParsing.parse(yaml, file: file, lineOffset: split.yamlFirstLine - 1)
        if root.isNull { return fields }
        guard case .mapping = root.node else {
            log.add(.warning(at: root.location, "the lines between the first two '---' are not front matter (\(root.kindName), not 'key: value' lines): read as Markdown",
                             hints: ["to open the briefing with a thematic break, write '***' or '___'"]))
            return nil
        }
        for (key, value) in try root.mapping("the front matter") {
            let name = try key.string("a key")
            if fields.values[name] != nil || fields.order.contains(name) { throw key.error("duplicate key '\(name)' in the front matter") }
            if !frontMatterKeys.contains(name), let near = Suggestions.closest(to: name, in: frontMatterKeys),
               Suggestions.editDistance(name.lowercased(), near) <= 2 {
                log.add(.warning(at: key.location, "unknown front-matter key '\(name)' (kept as page.\(name))",
                                 hints: ["did you mean '\(near)'?"]))
            }
            fields.order.append(name)
            if !value.isNull { fields.values[name] = value }
        }
        return fields
    }

    /// `--set KEY=VALUE` overrides: any key, but one close to a known key and not in the front matter is a typo.
    static func apply(_ settings: [(key: String, value: String)], to fields: inout FrontMatterFields) throws {
        for setting in settings {
            let at = SourceLocation(file: "<--set \(setting.key)>", line: 1, column: 1)
            if setting.key == "params" {
                throw Diagnostic.error(at: at, "parameters are set with --param, not --set", hints: ["--param KEY=VALUE"])
            }
            if !frontMatterKeys.contains(setting.key), !fields.order.contains(setting.key),
               let near = Suggestions.closest(to: setting.key, in: frontMatterKeys) {
                throw Diagnostic.error(at: at, "unknown front-matter key '\(setting.key)' in --set", hints: ["did you mean '\(near)'?"])
            }
            let value = setting.value.isEmpty ? "''" : setting.value
            if !fields.order.contains(setting.key) { fields.order.append(setting.key) }
            fields.values[setting.key] = try YAMLParsing.parse(value, file: at.file)
        }
    }

    static func readMetadata(_ fields: [String: YAMLValue], file: String) throws -> Metadata {
        var metadata = Metadata()
        if let v = fields["title"] { metadata.title = try v.string("a title") }
        if let v = fields["subtitle"] { metadata.subtitle = try v.string("a subtitle") }
        if let v = fields["subject"] { metadata.subject = try v.string("a subject") }
        if let v = fields["watermark"] {
            // `watermark: false` clears a layout's stamp; text stamps it.
            if let on = try? v.bool(), !on { metadata.watermark = "" } else { metadata.watermark = try v.string("a watermark text such as DRAFT") }
        }
        if let v = fields["date"] {
            let text = try v.string("a date such as 2025-11-01")
            guard ISODate(parsing: text) != nil else {
                throw v.error("'\(text)' is not a valid date", hints: ["write YYYY, YYYY-MM or YYYY-MM-DD"])
            }
            metadata.date = text
        }
        for key in ["authors", "author"] {
            if let v = fields[key] { metadata.authors = try v.sequence("a list of names", allowSingle: true).map { try $0.string("a name") } }
        }
        if let v = fields["keywords"] {
            metadata.keywords = try v.sequence("a list of keywords", allowSingle: true).map { try $0.string("a keyword") }
        }
        if let v = fields["lang"] {
            let lang = try v.string("a language tag such as en")
            let valid = !lang.isEmpty && lang.count <= 35 && lang.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            guard valid else { throw v.error("'\(lang)' is not a BCP 47 language tag", hints: ["for example en, en-GB, zh-Hans"]) }
            metadata.lang = lang
        }
        return metadata
    }
}

/// Front-matter keys in the order written, with their (non-null) values.
struct FrontMatterFields {
    var order: [String] = []
    var values: [String: YAMLValue] = [:]

    /// Every key as the template's `page`.
    var entries: [TemplateEntry] {
        order.compactMap { key in values[key].map { TemplateEntry(key: key, value: TemplateValue(yaml: $0.node)) } }
    }
}
