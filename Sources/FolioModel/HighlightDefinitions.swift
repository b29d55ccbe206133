import Foundation
import FolioBundle

/// Language definitions Folio adds to GNU source-highlight (Debian's 3.1.9 has none for Swift,
/// TypeScript or YAML), in the library's own definition language, built from its shared pieces
/// (comments, strings, numbers, symbols) and each language's keywords. Written once into a
/// private cache folder (`$XDG_CACHE_HOME/folio` or `~/.cache/folio`, else a `mkdtemp` folder).
enum HighlightDefinitions {
    /// Debian's definitions.
    static let dataFolder = "/usr/share/source-highlight"

    /// The folder holding Folio's definitions, written when missing (nil when nothing is writable).
    static let folder: String? = write()

    static let files: [String: String] = [
        "swift.lang": #"""
# Swift for GNU source-highlight (Folio): Debian's 3.1.9 has none. Shared pieces plus Swift's keywords.
include "@DATADIR@/c_comment.lang"

string delim "\"\"\"" "\"\"\"" multiline
environment string delim "\"" "\"" escape "\\" begin
  specialchar = '\\.'
end

preproc = '#(?:if|elseif|else|endif|available|unavailable|selector|keyPath|file|fileID|line|column|function|warning|error|sourceLocation)\>'
type = '@[[:alpha:]_][[:alnum:]_]*'

keyword = "associatedtype|class|deinit|enum|extension|fileprivate|func|import|init|inout|internal|let|open|operator",
  "private|precedencegroup|protocol|public|rethrows|static|struct|subscript|typealias|var|actor|nonisolated|isolated",
  "break|case|catch|continue|default|defer|do|else|fallthrough|for|guard|if|in|repeat|return|throw|switch|where|while",
  "as|await|async|false|is|nil|self|Self|super|throws|true|try|some|any|consuming|borrowing|sending",
  "mutating|nonmutating|override|final|lazy|weak|unowned|convenience|required|indirect|dynamic|optional",
  "get|set|willSet|didSet|macro"

type = "Int|Int8|Int16|Int32|Int64|UInt|UInt8|UInt16|UInt32|UInt64|Double|Float|Bool|String|Character|Void|Any|AnyObject",
  "Array|Dictionary|Set|Optional|Result|Error|Never"

include "@DATADIR@/number.lang"
include "@DATADIR@/symbols.lang"
cbracket = "{|}"
include "@DATADIR@/function.lang"
"""#,
        "typescript.lang": #"""
# TypeScript for GNU source-highlight (Folio): Debian's 3.1.9 has none. JavaScript plus TypeScript's words.
keyword = "type|namespace|declare|readonly|keyof|infer|module|abstract|async|await|let|of|as|is|satisfies|asserts|override|unique"
type = "any|unknown|never|string|number|boolean|symbol|bigint|object|void|undefined"
include "@DATADIR@/javascript.lang"
"""#,
        "yaml.lang": #"""
# YAML for GNU source-highlight (Folio): Debian's 3.1.9 has none.
comment = '(?:^|(?<=[[:blank:]]))#.*$'
preproc = '^(?:---|\.\.\.)'
key = '[^[:space:]#\'"{}\[\],&*!|>%@-][^:#]*?(?=:(?:[[:space:]]|$))'
key = '(?:"[^"]*"|\'[^\']*\')(?=:(?:[[:space:]]|$))'
string delim "\"" "\"" escape "\\"
string delim "'" "'"
variable = '[&*][[:alnum:]_-]+'
type = '![[:alnum:]_!/-]*'
keyword = "true|false|null|yes|no|on|off|True|False|Null|TRUE|FALSE|NULL|~"
include "@DATADIR@/number.lang"
symbol = "-","\|",">","[","]","{","}",","
"""#,
    ]

    /// Version of the definitions above: a change gets a new folder, so old processes keep theirs.
    static let version = 1

    static func write(environment: (String) -> String? = EnvironmentVariable.value) -> String? {
        var bases: [String] = []
        if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") { bases.append(xdg + "/folio") }
        if let home = environment("HOME"), home.hasPrefix("/"), home != "/" { bases.append(home + "/.cache/folio") }
        for base in bases {
            let folder = base + "/source-highlight-\(version)"
            if FileManager.default.fileExists(atPath: folder + "/yaml.lang") { return folder }
            if (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])) != nil,
               fill(folder) { return folder }
        }
        var template = Array((NSTemporaryDirectory() + "/folio-highlight-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        let folder = String(cString: made)
        atexit { if let folder = HighlightDefinitions.folder { try? FileManager.default.removeItem(atPath: folder) } }
        return fill(folder) ? folder : nil
    }

    /// Writes every definition into `folder` (each to a temporary renamed into place); true when all are there.
    static func fill(_ folder: String) -> Bool {
        for (name, text) in files {
            let path = folder + "/" + name
            let temporary = path + ".tmp-\(getpid())"
            let body = text.replacingOccurrences(of: "@DATADIR@", with: dataFolder) + "\n"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(body.utf8)),
                  rename(temporary, path) == 0 else {
                unlink(temporary)
                return false
            }
        }
        return true
    }
}
