/// What `folio --help` says of `folio serve` and `folio preview`, which the folio-serve program runs
/// (folio lists them with these words and hands them over; see `ServerProgram` in Sources/folio).
public enum ServerCommandHelp {
    public static let serve = "Serve POST /render (briefing, params, data files, images, layout → PDF/PNG/SVG), /healthz and /metrics."
    public static let preview = "Show a briefing's pages in the browser, updated on every change (bound to 127.0.0.1)."
}
