import Foundation

/// One raw HTML tag as cmark-gfm hands it over (`<b>`, `</b>`, `<br/>`, `<img src="x" width=40>`).
struct HTMLTag: Hashable {
    /// Lower-cased tag name ("" for comments, declarations and processing instructions).
    var name: String
    var isClosing: Bool
    var isSelfClosing: Bool
    /// Attributes by lower-cased name (values with quotes and entities resolved).
    var attributes: [String: String]

    /// Elements that never have content.
    static let voidElements: Set<String> = ["br", "img", "hr", "wbr", "input", "source", "meta", "link", "col", "area", "embed", "track"]

    /// The tag `text` holds, or nil for a comment or anything that is not a tag.
    init?(_ text: String) {
        var scanner = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard scanner.hasPrefix("<"), !scanner.hasPrefix("<!"), !scanner.hasPrefix("<?") else { return nil }
        scanner = scanner.dropFirst()
        isClosing = scanner.hasPrefix("/")
        if isClosing { scanner = scanner.dropFirst() }
        let nameEnd = scanner.firstIndex(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) ?? scanner.endIndex
        name = scanner[..<nameEnd].lowercased()
        guard !name.isEmpty else { return nil }
        var rest = scanner[nameEnd...]
        if rest.hasSuffix(">") { rest = rest.dropLast() }
        isSelfClosing = rest.hasSuffix("/") || Self.voidElements.contains(name)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        attributes = Self.attributes(in: String(rest))
    }

    /// `name="value"`, `name='value'`, `name=value` and bare `name` pairs, names lower-cased.
    static func attributes(in text: String) -> [String: String] {
        var result: [String: String] = [:]
        var index = text.startIndex
        func skipSpaces() { while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) } }
        while index < text.endIndex {
            skipSpaces()
            let nameStart = index
            while index < text.endIndex, !text[index].isWhitespace, text[index] != "=", text[index] != "/" { index = text.index(after: index) }
            let name = text[nameStart..<index].lowercased()
            if name.isEmpty { if index < text.endIndex { index = text.index(after: index) }; continue }
            skipSpaces()
            guard index < text.endIndex, text[index] == "=" else { result[name] = ""; continue }
            index = text.index(after: index)
            skipSpaces()
            var value = ""
            if index < text.endIndex, text[index] == "\"" || text[index] == "'" {
                let quote = text[index]
                index = text.index(after: index)
                let start = index
                while index < text.endIndex, text[index] != quote { index = text.index(after: index) }
                value = String(text[start..<index])
                if index < text.endIndex { index = text.index(after: index) }
            } else {
                let start = index
                while index < text.endIndex, !text[index].isWhitespace { index = text.index(after: index) }
                value = String(text[start..<index])
            }
            if result[name] == nil { result[name] = HTMLEntities.decode(value) }
        }
        return result
    }
}

/// The few character references that appear in attribute values and block HTML text.
enum HTMLEntities {
    static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
                                          "copy": "©", "reg": "®", "mdash": "—", "ndash": "–", "hellip": "…", "rarr": "→"]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...].dropFirst()
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let entity = String(after[..<semi])
                var decoded: String?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if entity.hasPrefix("#") {
                    decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = named[entity]
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}
