/// Failures of the Cairo/Pango backend (not input errors: those are `Diagnostic`s).
public enum RenderError: Error, CustomStringConvertible {
    case cairo(String)
    case pango(String)
    case io(String)

    public var description: String {
        switch self {
        case .cairo(let message): return "cairo: \(message)"
        case .pango(let message): return "pango: \(message)"
        case .io(let message): return message
        }
    }
}
