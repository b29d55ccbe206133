import FolioCharts
import FolioDisplay
import FolioModel

/// Text styles and colours for every kind of block, resolved once from a layout.
public struct Theme: Sendable {
    public let layout: LayoutSpec
    public let text: Color
    public let accent: Color
    public let muted: Color
    public let rule: Color
    public let quoteBackground: Color
    public let tableHeader: Color
    public let tableStripe: Color
    public let codeBackground: Color
    public let link: Color

    public let body: TextStyle
    public let quote: TextStyle
    public let code: TextStyle
    public let tableCell: TextStyle
    public let tableHeaderCell: TextStyle
    public let caption: TextStyle
    public let furniture: TextStyle

    /// Base line height as a multiple of font size.
    public var leading: Double { layout.leading }
    /// Space between paragraphs, in points.
    public var paragraphSpacing: Double { layout.body.size * 0.7 }

    public init(layout: LayoutSpec) {
        self.layout = layout
        func color(_ hex: String, _ fallback: Color) -> Color { Color(hex: hex) ?? fallback }
        text = color(layout.colors.text, .black)
        accent = color(layout.colors.accent, .black)
        muted = color(layout.colors.muted, .black)
        rule = color(layout.colors.rule, .black)
        quoteBackground = color(layout.colors.quoteBackground, .white)
        tableHeader = color(layout.colors.tableHeader, .white)
        tableStripe = color(layout.colors.tableStripe, .white)
        codeBackground = color(layout.colors.codeBackground, .white)
        link = color(layout.colors.link, .black)

        let bodyFont = FontSpec(family: layout.body.family, size: layout.body.size, weight: layout.body.weight)
        body = TextStyle(font: bodyFont, color: text)
        var quoteFont = bodyFont
        quoteFont.size = (layout.body.size * 1.08 * 2).rounded() / 2
        quoteFont.italic = true
        quote = TextStyle(font: quoteFont, color: text.mixed(with: accent, amount: 0.25))
        code = TextStyle(font: FontSpec(family: layout.mono.family, size: layout.mono.size, weight: layout.mono.weight), color: text)
        let cellSize = (layout.body.size * 0.9 * 2).rounded() / 2
        tableCell = TextStyle(font: FontSpec(family: layout.heading.family, size: cellSize, weight: 400), color: text)
        tableHeaderCell = TextStyle(font: FontSpec(family: layout.heading.family, size: cellSize, weight: 700), color: text)
        caption = TextStyle(font: FontSpec(family: layout.heading.family, size: cellSize, weight: 400, italic: false), color: muted)
        furniture = TextStyle(font: FontSpec(family: layout.heading.family, size: (layout.body.size * 0.78 * 2).rounded() / 2), color: muted)
    }

    /// The style of a heading at `level` (1 = largest).
    public func heading(level: Int) -> TextStyle {
        let scales = [1.8, 1.38, 1.16, 1.0, 0.95, 0.9]
        let size = (layout.body.size * scales[min(max(level, 1), 6) - 1] * 2).rounded() / 2
        let font = FontSpec(family: layout.heading.family, size: size, weight: layout.heading.weight)
        return TextStyle(font: font, color: level == 1 ? accent : text)
    }

    /// The colour of a GitHub alert callout of `kind`.
    public func alertColor(_ kind: AlertBlock.Kind) -> Color {
        let colors = layout.colors
        let hex: String
        switch kind {
        case .note: hex = colors.note
        case .tip: hex = colors.tip
        case .important: hex = colors.important
        case .warning: hex = colors.warning
        case .caution: hex = colors.caution
        }
        return Color(hex: hex) ?? accent
    }

    /// The colour of highlighted code of `kind` (`code-keyword`, … of the layout's colours).
    public func codeColor(_ kind: CodeToken.Kind) -> Color {
        let colors = layout.colors
        let hex: String
        switch kind {
        case .plain: return code.color
        case .keyword: hex = colors.codeKeyword
        case .type: hex = colors.codeType
        case .string: hex = colors.codeString
        case .number: hex = colors.codeNumber
        case .comment: hex = colors.codeComment
        case .function: hex = colors.codeFunction
        case .preprocessor: hex = colors.codePreprocessor
        }
        return Color(hex: hex) ?? code.color
    }

    /// Line height for text set in `style`.
    public func lineHeight(_ style: TextStyle, leading: Double? = nil) -> Double {
        style.font.size * (leading ?? self.leading)
    }

    /// Fonts and colours for charts placed in this document.
    public func chartTheme(lang: String) -> ChartTheme {
        var theme = ChartTheme(bodyFamily: layout.heading.family, headingFamily: layout.heading.family,
                               textSize: tableCell.font.size - 1, text: text, muted: muted, accent: accent, rule: rule, lang: lang)
        let series = layout.colors.series.compactMap { Color(hex: $0) }
        if !series.isEmpty { theme.palette = series }
        return theme
    }
}
