import FolioModel

/// Several input errors found at once (`folio check`, colliding batch outputs): each printed
/// `FILE:LINE:COLUMN: error: …`, in order, then the command exits 1.
public struct DiagnosticList: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// A closing note, such as "stopped after 20 errors".
    public var note: String?

    public init(_ diagnostics: [Diagnostic], note: String? = nil) {
        self.diagnostics = diagnostics
        self.note = note
    }

    public var description: String {
        (diagnostics.map(\.description) + (note.map { ["folio: note: \($0)"] } ?? [])).joined(separator: "\n")
    }
}
