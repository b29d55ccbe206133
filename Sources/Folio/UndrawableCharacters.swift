import Foundation
import FolioCairo
import FolioModel

/// Warnings for characters that no installed font can draw (they would vanish from the page):
/// each at its first place in the briefing or its data files, with its code point and the Debian
/// package of a font that has it.
public enum UndrawableCharacters {
    /// Warnings given one by one; more characters than this are summed up in one.
    static let listed = 10

    static func warnings(for scalars: [UInt32], briefing: Briefing) -> [Diagnostic] {
        guard !scalars.isEmpty else { return [] }
        let files = [briefing.sourcePath] + briefing.data.files
        let places = locate(Set(scalars), in: files)
        var warnings = scalars.prefix(listed).map { scalar in
            Diagnostic.warning(at: places[scalar] ?? .start(of: briefing.sourcePath),
                               "no installed font can draw \(name(of: scalar)); it is left out",
                               hints: [hint(for: scalar)])
        }
        if scalars.count > listed {
            let rest = scalars.dropFirst(listed)
            warnings.append(.warning(at: places[rest.first ?? 0] ?? .start(of: briefing.sourcePath),
                                     "\(rest.count) more characters no installed font can draw are left out: "
                                        + rest.prefix(20).map { code(of: $0) }.joined(separator: " ")
                                        + (rest.count > 20 ? " …" : "")))
        }
        return warnings
    }

    /// `U+1F62C '😬'`.
    static func name(of scalar: UInt32) -> String {
        let shown = Unicode.Scalar(scalar).map { " '\(Character($0))'" } ?? ""
        return code(of: scalar) + shown
    }

    static func code(of scalar: UInt32) -> String { String(format: "U+%04X", scalar) }

    /// What to install for `scalar`.
    public static func hint(for scalar: UInt32) -> String {
        if let value = Unicode.Scalar(scalar), value.properties.generalCategory == .privateUse {
            return "a private-use character: only a font made for it has a glyph"
        }
        if let value = Unicode.Scalar(scalar), value.properties.isEmoji, value.properties.isEmojiPresentation || scalar >= 0x1F000 {
            return "install an emoji font: apt-get install fonts-noto-color-emoji"
        }
        switch scalar {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return "install a CJK font: apt-get install fonts-noto-cjk fonts-noto-cjk-extra"
        default:
            return "install a font that has it, such as those of fonts-noto-core, fonts-noto-extra or fonts-unifont"
        }
    }

    /// Where each of `scalars` first occurs in `files` (1-based line, column in Unicode scalars).
    static func locate(_ scalars: Set<UInt32>, in files: [String]) -> [UInt32: SourceLocation] {
        var found: [UInt32: SourceLocation] = [:]
        for file in files where found.count < scalars.count {
            guard let text = try? InputFile.read(file) else { continue }
            var line = 1, column = 1
            for scalar in text.unicodeScalars {
                if scalars.contains(scalar.value), found[scalar.value] == nil {
                    found[scalar.value] = SourceLocation(file: file, line: line, column: column)
                    if found.count == scalars.count { break }
                }
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
        return found
    }
}
