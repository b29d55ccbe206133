import FolioDisplay

/// What a `TextRequest` is answered with.
enum TextResult {
    case line(TextLine)
    case paragraph([TextLine])
}

extension TextRequest {
    var spans: [TextSpan] {
        switch self {
        case .line(let spans, _): spans
        case .paragraph(let paragraph, _): paragraph.spans
        }
    }

    /// Whether shaping it needs hyphenation patterns (which may still be loading).
    var hyphenates: Bool {
        if case .paragraph(let paragraph, _) = self { return paragraph.hyphenate }
        return false
    }
}
