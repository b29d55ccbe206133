/// Reads a chart fence's `use:` id early, so charts have ids before the chart stage runs.
public enum FenceKeys {
    /// The `use:` value of a chart fence body, or nil for an inline spec.
    public static func use(in body: String, file: String, firstLine: Int) throws -> String? {
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Diagnostic.error(at: SourceLocation(file: file, line: firstLine, column: 1), "the chart fence is empty",
                                   hints: ["write 'use: ID' or an inline spec"])
        }
        let value = try YAMLParsing.parse(body, file: file, lineOffset: firstLine - 1)
        guard case .mapping = value.node else { throw value.error("a chart fence holds YAML keys such as 'use: ID'") }
        for (key, entry) in try value.mapping() where (try? key.string()) == "use" {
            return try entry.string("a chart id")
        }
        return nil
    }
}

extension FenceKeys {
    /// The id a `chart` fence names: its `id:`, else its `use:`, else nil.
    public static func chartID(in body: String, file: String, firstLine: Int) throws -> String? {
        let value = try YAMLParsing.parse(body, file: file, lineOffset: firstLine - 1)
        guard case .mapping = value.node else { throw value.error("a chart fence holds YAML keys such as 'type: bar'") }
        var use: String?
        for (key, entry) in try value.mapping() {
            switch try? key.string() {
            case "id": return try entry.string("a chart id")
            case "use": use = try? entry.string("a table id")
            default: break
            }
        }
        return use
    }
}
