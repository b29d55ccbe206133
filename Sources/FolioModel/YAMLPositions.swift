/// Turns libyaml's positions into Folio's: lines counted at "\n" only, columns in Unicode scalars,
/// both 1-based, plus the line offset of YAML embedded in a larger file (front matter, fences).
///
/// libyaml also starts a new line at a lone "\r", U+0085, U+2028 and U+2029; taken as they are,
/// its positions in a text holding those would land lines below (or past the end of) the file.
public final class YAMLPositions: Sendable {
    public let file: String
    public let lineOffset: Int
    /// Unicode-scalar offsets where each of libyaml's lines starts (empty: it counts lines as Folio does).
    private let yamlLineStarts: [Int]
    /// Unicode-scalar offsets where each "\n"-separated line starts (only kept when the above is).
    private let lineStarts: [Int]
    /// The YAML text, for byte offsets (reading errors) and regular line starts, found when asked.
    private let text: String

    public init(text: String, file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
        self.text = text
        let irregular = text.unicodeScalars.contains { ["\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
        guard irregular else {
            yamlLineStarts = []
            lineStarts = []
            return
        }
        var yamlStarts = [0], starts = [0]
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\n": yamlStarts.append(index); starts.append(index)
            case "\r":
                if index < scalars.count, scalars[index] == "\n" {
                    index += 1
                    starts.append(index)
                }
                yamlStarts.append(index)
            case "\u{85}", "\u{2028}", "\u{2029}": yamlStarts.append(index)
            default: break
            }
        }
        yamlLineStarts = yamlStarts
        lineStarts = starts
    }

    /// Where libyaml's 1-based `line` and `column` are in the file.
    public func location(line: Int, column: Int) -> SourceLocation {
        guard !yamlLineStarts.isEmpty else {
            return SourceLocation(file: file, line: line + lineOffset, column: column)
        }
        let yamlLine = min(max(line, 1), yamlLineStarts.count)
        return location(scalarOffset: yamlLineStarts[yamlLine - 1] + max(column, 1) - 1)
    }

    /// Where the Unicode scalar at `offset` (from the start of the YAML text) is in the file.
    public func location(scalarOffset offset: Int) -> SourceLocation {
        let starts = lineStarts.isEmpty ? regularLineStarts() : lineStarts
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        let line = max(low, 1)
        return SourceLocation(file: file, line: line + lineOffset, column: offset - starts[line - 1] + 1)
    }

    /// Where the byte at UTF-8 `offset` is in the file (libyaml reports reading errors so).
    public func location(byteOffset offset: Int) -> SourceLocation {
        var bytes = 0, scalars = 0
        for scalar in text.unicodeScalars {
            if bytes >= offset { break }
            bytes += UTF8.width(scalar)
            scalars += 1
        }
        return location(scalarOffset: scalars)
    }

    private func regularLineStarts() -> [Int] {
        var starts = [0], index = 0
        for scalar in text.unicodeScalars {
            index += 1
            if scalar == "\n" { starts.append(index) }
        }
        return starts
    }
}
