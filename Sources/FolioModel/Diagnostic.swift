/// A message about the input, carried from the loader to the command line as a value.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// Extra lines that help fix the problem ("did you mean ...").
    public var hints: [String]
    /// What kind of problem this is, for callers that act on some kinds; nil: any other.
    public var kind: Kind?

    /// Problems some callers treat apart.
    public enum Kind: String, Hashable, Sendable {
        /// An image on the network (never fetched).
        case remoteImage
        /// An image the input source refused to give (outside its files, a symlink).
        case refusedImage
    }

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, hints: [String] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hints = hints
    }

    public static func error(at location: SourceLocation, _ message: String, hints: [String] = []) -> Diagnostic {
        Diagnostic(.error, at: location, message, hints: hints)
    }

    public static func warning(at location: SourceLocation, _ message: String, hints: [String] = []) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hints: hints)
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE`, then one `note:` line per hint.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        for hint in hints { text += "\n\(location): note: \(hint)" }
        return text
    }
}

/// Collects warnings during a run (font fallbacks, dropped content) without stopping it.
public final class DiagnosticLog: @unchecked Sendable {
    private var stored: [Diagnostic] = []
    private let lock = NSLockLike()

    public init() {}

    public func add(_ diagnostic: Diagnostic) { lock.with { stored.append(diagnostic) } }
    public var diagnostics: [Diagnostic] { lock.with { stored } }
}
