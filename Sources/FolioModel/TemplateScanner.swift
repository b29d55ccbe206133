/// Splits template text into tags and text exactly as Stencil's lexer does, keeping where each starts.
///
/// Stencil's own tokens carry a line found by searching for the line's text (wrong when a line
/// repeats) and drop everything after an unclosed `{{`; Folio builds the tokens itself from these
/// pieces, so every error maps back to the scalar offset where it is written.
struct TemplateScanner {
    enum Kind { case text, variable, block, comment }

    /// One piece of the template: its kind, its raw text (delimiters included) and its offset in scalars.
    struct Piece {
        var kind: Kind
        var raw: String
        var start: Int
    }

    /// An opening `{{`, `{%` or `{#` without its closing pair.
    struct Unclosed: Error {
        var opener: String
        var start: Int
    }

    /// Whether `text` holds anything Stencil would treat as a tag (the fast path skips Stencil entirely):
    /// a `{` followed by `{`, `%` or a `#` that does not start a heading's `{#id}`.
    static func hasTags(_ text: String) -> Bool {
        ByteScan.withBytes(text) { bytes in
            var from = 0
            while let brace = bytes[from...].firstIndex(of: UInt8(ascii: "{")) {
                let next = brace + 1
                guard next < bytes.count else { return false }
                switch bytes[next] {
                case UInt8(ascii: "{"), UInt8(ascii: "%"): return true
                case UInt8(ascii: "#"):
                    // A heading's `{#id}` is Markdown, not a comment: it keeps the fast path.
                    guard let end = attributeEnd(bytes, after: next) else { return true }
                    from = end
                default: from = next
                }
            }
            return false
        }
    }

    /// Where the rest of `{#id}` / `{#id .class}` after the `#` at `hash` ends (just past its `}`):
    /// nil unless it holds only the bytes `isHeadingAttribute` accepts.
    private static func attributeEnd(_ bytes: UnsafeBufferPointer<UInt8>, after hash: Int) -> Int? {
        var count = 0, last: UInt8 = 0
        for index in (hash + 1)..<bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "}") { return count > 0 && last != UInt8(ascii: " ") ? index + 1 : nil }
            let allowed = byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || "-_:. ".utf8.contains(byte)
            guard allowed, !(count == 0 && byte == UInt8(ascii: " ")) else { return nil }
            count += 1
            last = byte
        }
        return nil
    }

    /// The pieces of `text`, in order.
    static func pieces(of text: String) throws -> [Piece] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        var position = 0
        func string(_ range: Range<Int>) -> String {
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[range])
            return String(result)
        }
        while position < scalars.count {
            // Stencil: a '{' followed by '{', '%' or '#' opens a tag.
            var open: Int?
            var foundBrace = false
            var index = position
            while index < scalars.count {
                let scalar = scalars[index]
                if foundBrace, scalar == "{" || scalar == "%" || (scalar == "#" && !isHeadingAttribute(scalars, at: index - 1)) {
                    open = index - 1
                    break
                }
                foundBrace = scalar == "{"
                index += 1
            }
            guard let open else {
                pieces.append(Piece(kind: .text, raw: string(position..<scalars.count), start: position))
                break
            }
            if open > position { pieces.append(Piece(kind: .text, raw: string(position..<open), start: position)) }
            let opener = scalars[open + 1]
            let closer: Unicode.Scalar = opener == "{" ? "}" : opener
            var close: Int?
            var foundCloser = false
            index = open
            while index < scalars.count {
                let scalar = scalars[index]
                if foundCloser, scalar == "}" { close = index; break }
                foundCloser = scalar == closer
                index += 1
            }
            guard let close else { throw Unclosed(opener: "{" + String(opener), start: open) }
            let kind: Kind = opener == "{" ? .variable : opener == "%" ? .block : .comment
            pieces.append(Piece(kind: kind, raw: string(open..<(close + 1)), start: open))
            position = close + 1
        }
        return pieces
    }

    /// Whether the `{#` at `start` is a Markdown attribute such as a heading's `{#id}` or
    /// `{#id .class}` (names, dots and spaces up to a `}` on the same line), not a template comment.
    static func isHeadingAttribute(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        var index = start + 2
        guard index < scalars.count, scalars[index] != " ", scalars[index] != "}" else { return false }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "}" { return scalars[index - 1] != " " }
            let allowed = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_:. ".unicodeScalars.contains(scalar)
            guard allowed else { return false }
            index += 1
        }
        return false
    }

    /// The contents Stencil gives a tag: delimiters (and `-`/`+` trim marks) removed, lines joined by spaces.
    static func contents(of raw: String, trimLeading: Bool, trimTrailing: Bool) -> String {
        let characters = Array(raw)
        let left = 2 + (trimLeading ? 1 : 0), right = 2 + (trimTrailing ? 1 : 0)
        guard characters.count > left + right else { return "" }
        return String(characters[left..<(characters.count - right)])
            .components(separatedBy: "\n")
            .filter { !$0.isEmpty }
            .map { $0.trimmingCharacters(in: [" "]) }
            .joined(separator: " ")
    }

    /// Stencil's whitespace marks of a block tag: `{%-` / `-%}` trim, `{%+` / `+%}` keep.
    static func marks(of raw: String) -> (leading: Character?, trailing: Character?) {
        let characters = Array(raw)
        guard characters.count >= 5 else { return (nil, nil) }
        let leading = characters[2], trailing = characters[characters.count - 3]
        return (leading == "-" || leading == "+" ? leading : nil, trailing == "-" || trailing == "+" ? trailing : nil)
    }
}
