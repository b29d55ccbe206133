import Foundation
import FolioModel

/// Decides what counts as a finding. A `Diagnostic` thrown by a loader is the expected answer to
/// bad input; a crash, a hang (`-timeout`) or running out of memory (`-rss_limit_mb`) always is a
/// finding. With `FOLIO_FUZZ_STRICT=1` two more are: an error that is not a `Diagnostic` (it has no
/// position, e.g. a Cairo error), and a diagnostic whose position lies outside the input.
public enum Oracle {
    public static let strict = ProcessInfo.processInfo.environment["FOLIO_FUZZ_STRICT"] == "1"

    /// Runs `body`; thrown diagnostics are fine, `text` loaded as `path` bounds their positions.
    public static func run(text: String, path: String, lineOffset: Int = 0, _ body: () throws -> Void) {
        do {
            try body()
        } catch let diagnostic as Diagnostic {
            check(diagnostic, text: text, path: path, lineOffset: lineOffset)
        } catch {
            guard strict else { return }
            fail("an error without a position: \(type(of: error)): \(error)")
        }
    }

    /// In strict mode: a diagnostic pointing into the input must point at one of its lines.
    static func check(_ diagnostic: Diagnostic, text: String, path: String, lineOffset: Int) {
        guard strict, diagnostic.location.file == path else { return }
        let lines = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } + lineOffset
        if diagnostic.location.line > lines {
            fail("diagnostic at line \(diagnostic.location.line) of a \(lines)-line input: \(diagnostic)")
        }
    }

    /// Stops the fuzzer so that libFuzzer saves the input as a crash.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("folio-fuzz: finding: \(message)\n".utf8))
        abort()
    }
}
