import FolioModel

/// `--strict`: warnings become errors, and the command writes nothing and exits 1.
public enum StrictWarnings {
    /// `warnings` as errors.
    public static func errors(_ warnings: [Diagnostic]) -> [Diagnostic] {
        warnings.map { warning in
            var error = warning
            error.severity = .error
            return error
        }
    }

    /// Throws `warnings` as errors when `strict` is on and there are any (before anything is written).
    public static func enforce(_ warnings: [Diagnostic], strict: Bool) throws {
        guard strict, !warnings.isEmpty else { return }
        throw DiagnosticList(errors(warnings), note: "--strict: \(warnings.count) warning\(warnings.count == 1 ? "" : "s") treated as errors")
    }
}
