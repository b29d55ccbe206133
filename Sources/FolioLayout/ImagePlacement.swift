import FolioDisplay
import FolioModel

/// Sizes and draws images: figures, images in a line of text, and the placeholder boxes that stand
/// for images that cannot be shown. Only display items are made here; the backend decodes.
struct ImagePlacement {
    let theme: Theme

    /// The display item that draws `image` into `rect`.
    static func item(_ image: ImageReference, in rect: Rect) -> ImageItem {
        let encoding = image.format.flatMap { ImageEncoding(rawValue: $0.rawValue) } ?? .png
        let data = image.data.map { ImageData(bytes: $0.bytes, key: $0.key) }
        return ImageItem(rect: rect, path: image.path ?? "", encoding: encoding, data: data, alt: image.alt)
    }

    /// The width asked for, in points, within `available`.
    static func requestedWidth(_ image: ImageReference, available: Double) -> Double? {
        switch image.width {
        case .percent(let percent): return available * percent / 100
        case .points(let points): return min(points, available)
        case nil: return nil
        }
    }

    /// A figure's size: the width asked for, else the natural size; within `width` and `maximumHeight`.
    static func figureSize(_ image: ImageReference, width available: Double, maximumHeight: Double) -> Size {
        let ratio = image.naturalHeight / image.naturalWidth
        var width = requestedWidth(image, available: available) ?? min(image.naturalWidth, available)
        var height = width * ratio
        if height > maximumHeight {
            height = maximumHeight
            width = height / ratio
        }
        return Size(width: width, height: height)
    }

    /// The text a placeholder shows: the alternative text, else the file's name.
    static func placeholderLabel(_ image: ImageReference) -> String {
        let alt = image.alt.trimmingCharacters(in: .whitespacesAndNewlines)
        if !alt.isEmpty { return alt }
        if image.target.lowercased().hasPrefix("data:") { return "image" }
        return image.target.split(separator: "/").last.map(String.init) ?? "image"
    }

    /// Image in a line of text, as an object for the line: as tall as the text (a badge, an icon)
    /// unless a width is asked for, never wider than `available`. Nil for an image that cannot be
    /// drawn (the caller shows its placeholder text instead).
    func inlineObject(_ image: ImageReference, style: TextStyle, available: Double) -> InlineObject? {
        guard image.isDrawable else { return nil }
        let ratio = image.naturalHeight / image.naturalWidth
        let descent = style.font.size * 0.2
        var height = style.font.size * 1.2
        var width = height / ratio
        if let requested = Self.requestedWidth(image, available: available) {
            width = requested
            height = width * ratio
        }
        if width > available {
            width = available
            height = width * ratio
        }
        let ascent = max(height - descent, 0)
        let item = Self.item(image, in: Rect(x: 0, y: -ascent, width: width, height: height))
        return InlineObject(width: width, ascent: ascent, descent: height - ascent, items: [.image(item)])
    }

    /// The text style of an inline placeholder: the alternative text on a tinted box.
    func placeholderStyle(_ style: TextStyle) -> TextStyle {
        var muted = style
        muted.color = theme.muted
        muted.italic(true)
        muted.background = theme.codeBackground
        return muted
    }

    /// A figure's placeholder: a dashed box of `size` with the label centred in it.
    func placeholder(_ image: ImageReference, size: Size, x: Double, measurer: TextMeasuring, lang: String) -> [DisplayItem] {
        var items: [DisplayItem] = [.rect(RectItem(rect: Rect(x: x, y: 0, width: size.width, height: size.height),
                                                   fill: theme.codeBackground, stroke: Stroke(color: theme.muted, width: 0.75, dash: [3, 2]),
                                                   cornerRadius: 2))]
        var style = theme.caption
        style.font.italic = true
        let lines = measurer.breakLines(StyledParagraph(spans: [TextSpan(Self.placeholderLabel(image), style: style)],
                                                        alignment: .center, lang: lang), width: max(size.width - 12, 10))
        let lineHeight = theme.lineHeight(style, leading: 1.25)
        let shown = lines.prefix(max(1, Int((size.height - 8) / lineHeight)))
        var y = (size.height - Double(shown.count) * lineHeight) / 2
        for line in shown {
            let origin = Point(x: x + (size.width - line.width) / 2, y: y + (lineHeight - line.height) / 2 + line.ascent)
            items.append(.text(TextItem(origin: origin, line: line)))
            y += lineHeight
        }
        return items
    }
}

private extension TextStyle {
    mutating func italic(_ on: Bool) { font.italic = on }
}
