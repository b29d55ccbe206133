import FolioModel

/// A job's `params:` and a matrix entry's `rows:` file, read into parameter settings with positions.
enum JobParams {
    /// `params: { region: EMEA, threshold: 10 }`: values as YAML, positioned at their keys.
    static func read(_ value: YAMLValue) throws -> [ParamSetting] {
        var params: [ParamSetting] = []
        for (key, item) in try value.mapping("a mapping of parameter names to values") {
            let name = try key.string("a parameter name")
            guard !params.contains(where: { $0.key == name }) else { throw key.error("duplicate parameter '\(name)' in params") }
            params.append(ParamSetting(key: name, value: TemplateValue(yaml: item.node), location: key.location))
        }
        return params
    }

    /// The rows of a CSV, JSON or YAML file: one list of parameters per row, its columns their names.
    static func rows(of path: String, referencedFrom location: SourceLocation) throws -> [[ParamSetting]] {
        let table = try DataSetLoader.table(at: path, referencedFrom: location)
        guard !table.rows.isEmpty else {
            throw Diagnostic.error(at: location, "'\(path)' has no rows", hints: ["each row makes one job"])
        }
        return table.rows.enumerated().map { index, cells in
            let at = index < table.rowLocations.count ? table.rowLocations[index] : .start(of: path)
            return zip(table.columns, cells).map { ParamSetting(key: $0, value: TemplateValue(cell: $1), location: at) }
        }
    }
}
