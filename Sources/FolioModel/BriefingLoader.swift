import Foundation

/// What the caller may change about a load: the layout and front-matter overrides (`--set`).
public struct LoadOptions: Sendable {
    /// A layout name or path that replaces the front matter's `layout`.
    public var layout: String?
    /// `KEY=VALUE` overrides of front-matter keys, applied in order; values are YAML.
    public var settings: [(key: String, value: String)]

    public init(layout: String? = nil, settings: [(key: String, value: String)] = []) {
        self.layout = layout
        self.settings = settings
    }
}

/// Loads a briefing: front matter, data files, layout and Markdown body into a `Briefing`.
public enum BriefingLoader {
    public static let frontMatterKeys = ["title", "subtitle", "date", "authors", "author", "lang", "layout",
                                         "data", "keywords", "subject"]

    public static func load(path: String, options: LoadOptions = LoadOptions(), log: DiagnosticLog = DiagnosticLog()) throws -> Briefing {
        try load(text: InputFile.read(path, what: "briefing"), path: path, options: options, log: log)
    }

    /// Loads a briefing already read into `text`; `path` names it in errors and anchors relative paths.
    public static func load(text: String, path: String, options: LoadOptions = LoadOptions(), log: DiagnosticLog = DiagnosticLog()) throws -> Briefing {
        let baseFolder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let split = try FrontMatter(splitting: text, file: path)

        var fields: [String: YAMLValue] = [:]
        if let yaml = split.yaml, !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let root = try YAMLParsing.parse(yaml, file: path, lineOffset: split.yamlFirstLine - 1)
            fields = try root.fields("the front matter", allowed: frontMatterKeys).values.filter { !$0.value.isNull }
        }
        for (index, setting) in options.settings.enumerated() {
            let at = SourceLocation(file: "<--set \(setting.key)>", line: 1, column: 1)
            guard frontMatterKeys.contains(setting.key) else {
                throw Diagnostic.error(at: at, "unknown front-matter key '\(setting.key)' in --set",
                                       hints: Suggestions.hint(for: setting.key, in: frontMatterKeys))
            }
            let value = setting.value.isEmpty ? "''" : setting.value
            fields[setting.key] = try YAMLParsing.parse(value, file: "<--set \(setting.key)>", lineOffset: index * 0)
        }

        var metadata = try readMetadata(fields, file: path)
        var data = DataSet()
        if let dataValue = fields["data"] {
            let paths = try dataValue.sequence("a data file path or a list of them", allowSingle: true).map { entry -> (String, SourceLocation) in
                let relative = try entry.string("a data file path")
                return (relative.hasPrefix("/") ? relative : (baseFolder as NSString).appendingPathComponent(relative), entry.location)
            }
            try DataSetLoader.load(paths: paths, into: &data)
        }

        let layoutName = try options.layout ?? fields["layout"]?.string("a layout name or path") ?? "briefing"
        let layoutLocation = options.layout == nil ? (fields["layout"]?.location ?? .start(of: path))
                                                   : SourceLocation(file: "<--layout>", line: 1, column: 1)
        let layout = try LayoutLoader.load(layoutName, baseFolder: baseFolder, at: layoutLocation)

        var parser = MarkdownParser(file: path, lineOffset: split.bodyLineOffset, baseFolder: baseFolder, data: data, log: log)
        let blocks = try parser.parse(split.body)
        if fields["title"] == nil, let first = blocks.first(where: { if case .heading = $0.kind { return true } else { return false } }),
           case .heading(let heading) = first.kind {
            metadata.title = heading.content.plainText
        } else if fields["title"] == nil {
            metadata.title = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        var briefing = Briefing(metadata: metadata, blocks: blocks, data: data, layout: layout, sourcePath: path)
        briefing.characters = data.characters.union(Characters.nonASCII(in: text))
        for (_, setting) in options.settings { briefing.characters.formUnion(Characters.nonASCII(in: setting)) }
        return briefing
    }

    static func readMetadata(_ fields: [String: YAMLValue], file: String) throws -> Metadata {
        var metadata = Metadata()
        if let v = fields["title"] { metadata.title = try v.string("a title") }
        if let v = fields["subtitle"] { metadata.subtitle = try v.string("a subtitle") }
        if let v = fields["subject"] { metadata.subject = try v.string("a subject") }
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
