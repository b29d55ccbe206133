import Foundation

/// Reads a chart or table fence's placement keys (`float:`, `orientation:`) and takes them out of
/// the body the chart stage reads, keeping its line numbers.
extension FenceKeys {
    static let placementKeys = ["float", "orientation"]

    /// The fence's placement and its body with the placement lines commented out. A body that does
    /// not parse is returned as it is, for the chart stage to report.
    public static func placement(in body: String, file: String, firstLine: Int) throws -> (BlockPlacement, String) {
        var placement = BlockPlacement()
        guard body.contains("float") || body.contains("orientation"),
              let value = try? YAMLParsing.parse(body, file: file, lineOffset: firstLine - 1),
              case .mapping = value.node, let pairs = try? value.mapping() else { return (placement, body) }
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (key, entry) in pairs {
            guard let name = try? key.string(), placementKeys.contains(name) else { continue }
            if name == "float" {
                placement.float = try entry.bool("true or false (float: false keeps the figure where it stands)")
            } else {
                let text = try entry.string("portrait or landscape")
                guard let orientation = PageOrientation(rawValue: text) else {
                    throw entry.error("unknown orientation '\(text)'",
                                      hints: Suggestions.hint(for: text, in: PageOrientation.allCases.map(\.rawValue)))
                }
                placement.orientation = orientation
            }
            let index = key.location.line - firstLine
            if index >= 0, index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(name) {
                lines[index] = "#" + lines[index]
            }
        }
        return (placement, lines.joined(separator: "\n"))
    }
}
