/// Keeps track of which source line each line of a rendered body came from, so Markdown errors
/// after a loop still point at the line of the briefing where the text is written.
///
/// Each line of template text gets an invisible mark (`U+E000 line U+E001`, private-use
/// characters) before its first visible character; after rendering, the marks are read and removed.
/// Lines that a value printed get the line after the previous one.
enum TemplateLineMap {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    /// Whether `text` can be marked (it does not use the mark characters itself).
    static func canMark(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0 == open || $0 == close }
    }

    /// `text` (a text piece starting on source line `line`, at a line start when `atLineStart`) with marks.
    static func mark(_ text: String, line: Int, atLineStart: Bool) -> String {
        var result = String.UnicodeScalarView()
        var current = line
        var pending = atLineStart // a mark is due before this line's first visible character
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                current += 1
                pending = true
            } else if pending, scalar != " ", scalar != "\t", scalar != "\r" {
                result.append(open)
                result.append(contentsOf: String(current).unicodeScalars)
                result.append(close)
                pending = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// The rendered text without marks, and the source line of each of its lines.
    static func strip(_ text: String, firstLine: Int) -> (text: String, lines: [Int]) {
        var result = String.UnicodeScalarView()
        var lines: [Int] = []
        var lineOfCurrent: Int?
        var previous = firstLine - 1
        var number: Int?
        for scalar in text.unicodeScalars {
            if let value = number {
                if scalar == close {
                    if lineOfCurrent == nil { lineOfCurrent = value }
                    number = nil
                } else if let digit = Int(String(scalar)) {
                    number = value * 10 + digit
                }
                continue
            }
            if scalar == open { number = 0; continue }
            if scalar == "\n" {
                previous = lineOfCurrent ?? previous + 1
                lines.append(previous)
                lineOfCurrent = nil
            }
            result.append(scalar)
        }
        lines.append(lineOfCurrent ?? previous + 1)
        return (String(result), lines)
    }
}
