/// A measurer for dry runs: answers with fixed-advance estimates and records every request,
/// in order and once each, for a real measurer to shape ahead of time (`TextMeasuring.prefetch`).
/// A request asked again is answered from what it got the first time (long documents repeat text).
public final class RecordingMeasurer: TextMeasuring {
    private let estimate = FixedAdvanceMeasurer(advance: 0.5)
    private var lines: [TextRequest: TextLine] = [:]
    private var paragraphs: [TextRequest: [TextLine]] = [:]
    public private(set) var requests: [TextRequest] = []
    /// Told of each request as it is recorded (a measurer shaping them meanwhile).
    public var onRequest: ((TextRequest) -> Void)?

    public init() {}

    public var estimatesOnly: Bool { true }

    public func measureLine(_ spans: [TextSpan], lang: String) -> TextLine {
        if spans.isOnePlainASCIISpan { return estimate.measureLine(spans, lang: lang) }
        let request = TextRequest.line(spans, lang: lang)
        if let known = lines[request] { return known }
        let line = estimate.measureLine(spans, lang: lang)
        lines[request] = line
        requests.append(request)
        onRequest?(request)
        return line
    }

    public func breakLines(_ paragraph: StyledParagraph, width: Double) -> [TextLine] {
        let request = TextRequest.paragraph(paragraph, width: width)
        if let known = paragraphs[request] { return known }
        let broken = estimate.breakLines(paragraph, width: width)
        paragraphs[request] = broken
        requests.append(request)
        onRequest?(request)
        return broken
    }

    /// Requests a layout announces ahead are recorded like the ones it makes.
    public func shapeAhead(_ requests: [TextRequest]) {
        for request in requests {
            switch request {
            case .line(let spans, let lang): _ = measureLine(spans, lang: lang)
            case .paragraph(let paragraph, let width): _ = breakLines(paragraph, width: width)
            }
        }
    }
}
