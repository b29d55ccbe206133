/// What layout asks of a text engine: break paragraphs into lines and measure single lines.
///
/// Layout and charts measure text only through this protocol, so their tests can use a
/// fixed-advance measurer and the Cairo backend can supply Pango's.
public protocol TextMeasuring: AnyObject {
    /// Breaks `paragraph` into lines no wider than `width` points.
    func breakLines(_ paragraph: StyledParagraph, width: Double) -> [TextLine]
    /// Shapes `spans` as one line, without wrapping.
    func measureLine(_ spans: [TextSpan], lang: String) -> TextLine
    /// Shapes each of `lines` as one line, as `measureLine` would, in order (a measurer may share a
    /// long batch between threads).
    func measureLines(_ lines: [[TextSpan]], lang: String) -> [TextLine]
    /// Whether `shapeAhead` shapes ahead of use (in parallel), so that collecting requests pays.
    var shapesAhead: Bool { get }
    /// Whether this measurer only estimates, for a dry run that collects requests: layouts may
    /// then skip work that shapes nothing (an org chart's page planning).
    var estimatesOnly: Bool { get }
    /// Shapes `requests` ahead of use: later calls with the same arguments are answered at once.
    func shapeAhead(_ requests: [TextRequest])
    /// Starts shaping ahead on another thread, requests handed over one by one while a dry run
    /// still records them (nil: this measurer cannot; `prefetch` then shapes them after the run).
    func startShapingAhead() -> ShapingAhead?
}

/// Requests shaped ahead on another thread as they come (see `TextMeasuring.prefetch`).
public protocol ShapingAhead: AnyObject {
    /// One more request, in the order the dry run makes them.
    func add(_ request: TextRequest)
    /// Shapes what is left, this thread helping, and keeps every result for the measurer.
    func finish()
}

/// One call a layout will make of a `TextMeasuring`, for shaping it ahead of time.
public enum TextRequest: Hashable, Sendable {
    case line([TextSpan], lang: String)
    case paragraph(StyledParagraph, width: Double)
}

extension TextMeasuring {
    public var shapesAhead: Bool { false }
    public var estimatesOnly: Bool { false }
    public func shapeAhead(_ requests: [TextRequest]) {}
    public func startShapingAhead() -> ShapingAhead? { nil }

    public func measureLines(_ lines: [[TextSpan]], lang: String) -> [TextLine] {
        lines.map { measureLine($0, lang: lang) }
    }

    /// Runs `dryRun` against a quick estimating measurer that records what it is asked, and has
    /// this measurer shape all of it ahead of the real run: on another thread while the dry run
    /// goes on where it can (`startShapingAhead`), else once it is over. Nothing happens when this
    /// measurer cannot shape ahead; a dry run that throws still shapes what it asked for before it threw.
    public func prefetch(_ dryRun: (TextMeasuring) throws -> Void) {
        guard shapesAhead else { return }
        let recorder = RecordingMeasurer()
        guard let shaping = startShapingAhead() else {
            try? dryRun(recorder)
            shapeAhead(recorder.requests)
            return
        }
        recorder.onRequest = { shaping.add($0) }
        try? dryRun(recorder)
        shaping.finish()
    }

    /// The advance width of `text` in `style`, on one line.
    public func width(of text: String, style: TextStyle) -> Double {
        measureLine([TextSpan(text, style: style)], lang: "en").width
    }
}
