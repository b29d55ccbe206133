/// Heading names: `{#id}` attributes and GitHub-style slugs, the targets of internal links.
extension MarkdownParser {
    /// The heading's inlines without a trailing `{#id}` (or `{#id .class}`) attribute, and that id.
    static func headingAttributes(_ content: [Inline]) -> ([Inline], String?) {
        guard case .text(let text)? = content.last else { return (content, nil) }
        let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "}" else { return (content, nil) }
        let body = String(trimmed.reversed().dropLast())
        guard let open = body.lastIndex(of: "{") else { return (content, nil) }
        let attributes = body[body.index(after: open)...].split(separator: " ")
        guard let first = attributes.first, first.hasPrefix("#"), first.count > 1,
              attributes.allSatisfy({ $0.hasPrefix("#") || $0.hasPrefix(".") }),
              first.dropFirst().allSatisfy({ !$0.isWhitespace && $0 != "{" && $0 != "}" && $0 != "#" }) else {
            return (content, nil)
        }
        var stripped = String(body[..<open])
        while stripped.last == " " || stripped.last == "\t" { stripped.removeLast() }
        var result = Array(content.dropLast())
        if !stripped.isEmpty { result.append(.text(stripped)) }
        return (result, String(first.dropFirst()))
    }

    /// The names a heading is reached by: its `{#id}` (when given), then its slug, made unique.
    mutating func headingIDs(_ content: [Inline], explicit: String?, at: SourceLocation) -> [String] {
        var ids: [String] = []
        if let explicit {
            if targets.contains(explicit) { log.add(.warning(at: at, "the id '\(explicit)' is used twice; links go to the first")) }
            ids.append(explicit)
            targets.insert(explicit)
        }
        let base = Self.slug(content.plainText)
        guard !base.isEmpty else { return ids }
        // GitHub numbers repeats: "intro", "intro-1", "intro-2".
        var slug = base
        if let seen = slugCounts[base] {
            var count = seen
            repeat { slug = "\(base)-\(count)"; count += 1 } while targets.contains(slug)
            slugCounts[base] = count
        } else {
            slugCounts[base] = 1
        }
        if !targets.contains(slug) {
            ids.append(slug)
            targets.insert(slug)
        }
        return ids
    }

    /// The column (1-based, in characters) of the `[` opening the link whose target `needle` starts
    /// nearest before `near` on `line`.
    static func column(of needle: String, in line: Substring, near: Int) -> Int? {
        let characters = Array(line), target = Array(needle)
        var best: Int?
        var index = 0
        while index + target.count <= characters.count {
            if Array(characters[index..<(index + target.count)]) == target, best == nil || index < near { best = index }
            index += 1
        }
        guard let found = best else { return nil }
        // Back from `](` to the matching `[`.
        var depth = 0
        var position = found - 1
        while position >= 0 {
            if characters[position] == "]" { depth += 1 } else if characters[position] == "[" {
                depth -= 1
                if depth == 0 { return position + 1 }
            }
            position -= 1
        }
        return found + 1
    }

    /// GitHub's heading slug: lower case; letters, digits, `-` and `_` kept; spaces become `-`;
    /// everything else dropped (`"What's new?"` → `whats-new`).
    static func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character == " " || character == "\t" || character == "\n" {
                result.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber
                        || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .nonspacingMark }) {
                result.append(character)
            }
        }
        return result
    }

    /// Dead links that get a "did you mean" hint.
    static let suggestedLinks = 20

    /// Warns about every `[text](#name)` whose name no heading, figure or table has.
    func checkInternalLinks() {
        var lines: [Substring]?
        var suggested = 0
        lazy var sortedTargets = Array(targets).sorted()
        for var link in internalLinks where !targets.contains(link.name) {
            lines = lines ?? markdown.split(separator: "\n", omittingEmptySubsequences: false)
            if let lines, link.line >= 1, link.line <= lines.count, let column = Self.column(of: "(#\(link.name)", in: lines[link.line - 1], near: link.at.column) {
                link.at.column = column
            }
            // Suggestions (an edit distance to every name) for the first few only: a document
            // with hundreds of dead links must not take quadratic time.
            suggested += 1
            let near = suggested <= Self.suggestedLinks ? Suggestions.closest(to: link.name, in: sortedTargets) : nil
            log.add(.warning(at: link.at, link.name.isEmpty ? "the link '#' names no heading or figure"
                                                            : "no heading, figure or table has the id '\(link.name)'; the link goes nowhere",
                             hints: near.map { ["did you mean '#\($0)'?"] } ?? []))
        }
    }
}
