/// What layout asks of a text engine: break paragraphs into lines and measure single lines.
///
/// Layout and charts measure text only through this protocol, so their tests can use a
/// fixed-advance measurer and the Cairo backend can supply Pango's.
public protocol TextMeasuring: AnyObject {
    /// Breaks `paragraph` into lines no wider than `width` points.
    func breakLines(_ paragraph: StyledParagraph, width: Double) -> [TextLine]
    /// Shapes `spans` as one line, without wrapping.
    func measureLine(_ spans: [TextSpan], lang: String) -> TextLine
}

extension TextMeasuring {
    /// The advance width of `text` in `style`, on one line.
    public func width(of text: String, style: TextStyle) -> Double {
        measureLine([TextSpan(text, style: style)], lang: "en").width
    }
}
