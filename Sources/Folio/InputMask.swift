import FolioModel

/// Blanks the part of an input file around an error, keeping its lines, so `folio check` can
/// look for the next error (through `InputFile.Overrides`).
enum InputMask {
    /// Masks around `location`; false when nothing could be masked (the check then stops).
    static func mask(_ location: SourceLocation, briefing: String) -> Bool {
        let file = location.file
        guard let text = InputFile.Overrides.text(for: file) ?? (try? InputFile.read(file)) else { return false }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = location.line - 1
        guard lines.indices.contains(index) else { return false }
        let range = file == briefing ? markdownRange(lines, at: index) : yamlBlock(lines, at: index)
        guard lines[range].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return false }
        for line in range { lines[line] = "" }
        InputFile.Overrides.set(lines.joined(separator: "\n"), for: file)
        return true
    }

    /// In a briefing: the whole fence around `index`, a front-matter key's block, or the line.
    static func markdownRange(_ lines: [String], at index: Int) -> ClosedRange<Int> {
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
           let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" || $0 == "..." }),
           index > 0, index < end {
            return yamlBlock(lines, at: index, limit: end)
        }
        var open: (line: Int, marker: String)?
        for (number, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let current = open {
                if trimmed.hasPrefix(current.marker) && trimmed.allSatisfy({ $0 == current.marker.first }) {
                    if (current.line...number).contains(index) { return current.line...number }
                    open = nil
                }
            } else if let marker = fenceMarker(trimmed) {
                open = (number, marker)
            }
            if number > index, open == nil { break }
        }
        if let current = open, index >= current.line { return current.line...(lines.count - 1) }
        return index...index
    }

    /// "```" or "~~~" (or longer) opening a fence, nil otherwise.
    static func fenceMarker(_ line: String) -> String? {
        for mark in ["`", "~"] {
            let run = line.prefix { String($0) == mark }
            if run.count >= 3 { return String(run) }
        }
        return nil
    }

    /// The YAML line at `index` and the lines after it indented deeper (its nested block).
    static func yamlBlock(_ lines: [String], at index: Int, limit: Int? = nil) -> ClosedRange<Int> {
        let end = limit ?? lines.count
        let indent = lines[index].prefix { $0 == " " }.count + (lines[index].drop { $0 == " " }.hasPrefix("- ") ? 1 : 0)
        var last = index
        var next = index + 1
        while next < end {
            let line = lines[next]
            if line.trimmingCharacters(in: .whitespaces).isEmpty { next += 1; continue }
            guard line.prefix(while: { $0 == " " }).count > indent else { break }
            last = next
            next += 1
        }
        return index...last
    }
}
