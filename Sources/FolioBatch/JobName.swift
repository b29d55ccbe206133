import FolioModel

/// Job names: plain file names, so no output can land outside the output folder.
enum JobName {
    /// Why `name` is not a safe job name, or nil when it is one.
    static func problem(with name: String, at location: SourceLocation, output: String) -> Diagnostic? {
        if name.isEmpty { return .error(at: location, "the job name is empty") }
        if name.contains("/") || name.contains("\\") || name.hasPrefix(".") || name.contains("..") {
            return .error(at: location, "job name '\(name)' would write outside '\(output)'",
                          hints: ["a job name is a plain file name: letters, digits, '-', '_' and '.', not starting with '.'"])
        }
        if !name.unicodeScalars.allSatisfy(isAllowed) {
            return .error(at: location, "job name '\(name)' is not a plain file name",
                          hints: ["use letters, digits, '-', '_' and '.'"])
        }
        if name.count > 200 { return .error(at: location, "job name '\(name.prefix(20))…' is longer than 200 characters") }
        return nil
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return true
        default: return false
        }
    }

    /// `text` made into a name part: anything not allowed becomes `-`, runs collapse, ends trimmed.
    static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if isAllowed(scalar) && scalar != "." {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        let trimmed = result.trimmingCharacters(in: ["-"])
        return trimmed.isEmpty ? "x" : String(trimmed.prefix(60))
    }

    /// Fills `{field}` in a matrix name template; unknown fields are an error at the template.
    static func expand(_ template: String, fields: [String: String], at location: SourceLocation) throws -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw Diagnostic.error(at: location, "unclosed '{' in the name template '\(template)'")
            }
            let field = String(rest[rest.index(after: open)..<close])
            guard let value = fields[field] else {
                throw Diagnostic.error(at: location, "unknown field '{\(field)}' in the name template '\(template)'",
                                       hints: Suggestions.hint(for: field, in: Array(fields.keys)))
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
