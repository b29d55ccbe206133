/// A measurer for dry runs: answers with fixed-advance estimates and records every request,
/// in order and once each, for a real measurer to shape ahead of time (`TextMeasuring.prefetch`).
public final class RecordingMeasurer: TextMeasuring {
    private let estimate = FixedAdvanceMeasurer(advance: 0.5)
    private var seen: Set<TextRequest> = []
    public private(set) var requests: [TextRequest] = []

    public init() {}

    public var estimatesOnly: Bool { true }

    /// Requests a layout announces ahead are recorded like the ones it makes.
    public func prepare(_ requests: [TextRequest]) {
        for request in requests { record(request) }
    }

    public func measureLine(_ spans: [TextSpan], lang: String) -> TextLine {
        record(.line(spans, lang: lang))
        return estimate.measureLine(spans, lang: lang)
    }

    public func breakLines(_ paragraph: StyledParagraph, width: Double) -> [TextLine] {
        record(.paragraph(paragraph, width: width))
        return estimate.breakLines(paragraph, width: width)
    }

    private func record(_ request: TextRequest) {
        if seen.insert(request).inserted { requests.append(request) }
    }
}
