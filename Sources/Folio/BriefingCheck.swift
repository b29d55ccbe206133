import FolioCairo
import FolioLayout
import FolioModel

/// `folio check`: the whole pipeline short of writing (load, lay out, draw into a sink that keeps
/// nothing), reporting every error it can find, up to `CheckOptions.maximumErrors`.
///
/// Loaders stop at their first error; to find the next, the check masks the part of the input
/// that had the error — the whole chart or code fence, the front-matter key or data-file entry
/// with its nested lines, or the line — keeping line numbers, and runs again. It stops when an
/// error cannot be masked (or comes back), or after `maximumErrors`.
extension Renderer {
    /// What a check found.
    public struct CheckResult {
        /// Pages of the document (0 when it has errors).
        public var pageCount = 0
        public var errors: [Diagnostic] = []
        public var warnings: [Diagnostic] = []
        /// Set when the check stopped at `maximumErrors` (more may follow).
        public var stoppedEarly = false
    }

    /// The most errors one check reports.
    public static let maximumCheckErrors = 20

    /// Checks `source` as `render` would read it with `load`.
    public func check(source: String, load: LoadOptions = LoadOptions()) -> CheckResult {
        defer { InputFile.Overrides.removeAll() }
        let path = Self.loadPath(for: source)
        var result = CheckResult()
        var warnings: [Diagnostic] = []
        while true {
            do {
                let (document, found) = try layout(source: source, load: load)
                try writePDF(document, to: DiscardingSink())
                warnings += found
                result.pageCount = result.errors.isEmpty ? document.pageCount : 0
                break
            } catch let diagnostic as Diagnostic {
                if result.errors.contains(diagnostic) { break }
                result.errors.append(diagnostic)
                if result.errors.count >= Self.maximumCheckErrors { result.stoppedEarly = true; break }
                guard InputMask.mask(diagnostic.location, briefing: path) else { break }
            } catch {
                result.errors.append(.error(at: .start(of: path), "\(error)"))
                break
            }
        }
        var seen = Set<Diagnostic>()
        result.warnings = warnings.filter { seen.insert($0).inserted }
        return result
    }
}

/// A sink that keeps nothing (drawing for `folio check`).
final class DiscardingSink: ByteSink {
    func write(_ bytes: UnsafeRawBufferPointer) throws {}
}
