import Yams

/// A parameter value given from outside the briefing: `--param`, a batch job's `params:`, a matrix row.
public struct ParamSetting: Hashable, Sendable {
    public var key: String
    public var value: TemplateValue
    /// Where the value is written (a config line, a rows file, `<--param KEY>`).
    public var location: SourceLocation

    public init(key: String, value: TemplateValue, location: SourceLocation) {
        self.key = key
        self.value = value
        self.location = location
    }

    /// `KEY=VALUE` from the command line; the value is YAML (`--param 'regions=[EMEA, APAC]'`).
    public static func parse(key: String, yaml text: String) throws -> ParamSetting {
        let location = SourceLocation(file: "<--param \(key)>", line: 1, column: 1)
        guard !text.isEmpty else { return ParamSetting(key: key, value: .string(""), location: location) }
        let value = try YAMLParsing.parse(text, file: location.file)
        return ParamSetting(key: key, value: TemplateValue(yaml: value.node), location: location)
    }
}

/// The parameters a briefing runs with: its `params:` defaults, then each setting in order.
public enum Parameters {
    /// Declared names and their values; a setting for an undeclared name is an error with a hint.
    public static func resolve(declared: YAMLValue?, settings: [ParamSetting]) throws -> [TemplateEntry] {
        var entries: [TemplateEntry] = []
        if let declared {
            for (key, value) in try declared.mapping("a mapping of parameter names to default values") {
                let name = try key.string("a parameter name")
                guard isName(name) else {
                    throw key.error("'\(name)' is not a parameter name", hints: ["use letters, digits and '_', starting with a letter"])
                }
                guard !entries.contains(where: { $0.key == name }) else { throw key.error("parameter '\(name)' is declared twice") }
                entries.append(TemplateEntry(key: name, value: TemplateValue(yaml: value.node)))
            }
        }
        for setting in settings {
            guard let index = entries.firstIndex(where: { $0.key == setting.key }) else {
                let names = entries.map(\.key)
                var hints = Suggestions.hint(for: setting.key, in: names)
                if names.isEmpty { hints = ["the briefing declares no parameters; list them under 'params:' in its front matter"] }
                throw Diagnostic.error(at: setting.location, "undeclared parameter '\(setting.key)'", hints: hints)
            }
            entries[index].value = setting.value
        }
        return entries
    }

    /// Letters, digits and `_`, starting with a letter or `_` (what a template can name bare).
    static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
