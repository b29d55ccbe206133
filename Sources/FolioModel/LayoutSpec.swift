/// A resolved layout: page geometry, fonts, colours and the document furniture to draw.
public struct LayoutSpec: Hashable, Sendable {
    /// The layout's name (file name without `.yaml`).
    public var name: String = "briefing"
    /// Page width and height in points, orientation applied.
    public var pageWidth: Double = 595.276
    public var pageHeight: Double = 841.89
    public var margins = Margins(top: 62.36, bottom: 62.36, left: 56.69, right: 56.69)
    public var body = FontChoice(family: "Noto Serif", size: 10.5, weight: 400)
    public var heading = FontChoice(family: "Noto Sans", size: 10.5, weight: 700)
    public var mono = FontChoice(family: "DejaVu Sans Mono", size: 9, weight: 400)
    public var colors = Colors()
    public var cover = true
    /// Heading levels listed in the table of contents; 0 means no table of contents.
    public var tocDepth = 2
    public var tocTitle = "Contents"
    /// The numbering pattern (`1.1`, `1`); nil for none.
    public var numbering: String?
    public var header = Furniture(left: "{title}", center: "", right: "{section}")
    public var footer = Furniture(left: "", center: "Page {page} of {pages}", right: "")
    public var justify = true
    public var hyphenate = true
    /// Line height as a multiple of the font size.
    public var leading = 1.4
    /// `{page}` styles (`page: { numbers: … }`).
    public var pageNumbers = PageNumbers()
    /// A text stamped across every page (`watermark:`); empty text draws none.
    public var watermark = Watermark()
    /// Text columns on each page and the gap between them (`text: { columns: 2, gap: 8mm }`).
    public var columns = 1
    public var columnGap = 18.0
    /// PDF standards to conform to (`pdf: { standards: [ua-1, a-2b] }`): `ua-1`, `a-2b`.
    public var pdfStandards: [String] = []
    /// `pdf: { data-tables: true }`: each chart is followed, in the PDF's structure tree only, by a
    /// table of its data (`ChartDataTable`), for readers that want the figures.
    public var pdfDataTables = false

    public init() {}

    public var contentWidth: Double { pageWidth - margins.left - margins.right }
    public var contentHeight: Double { pageHeight - margins.top - margins.bottom }
    /// The text area of a turned page: the page's width and height swapped, the margins kept.
    public var turnedContentWidth: Double { pageHeight - margins.left - margins.right }
    public var turnedContentHeight: Double { pageWidth - margins.top - margins.bottom }

    public struct Margins: Hashable, Sendable {
        public var top, bottom, left, right: Double
    }

    public struct FontChoice: Hashable, Sendable {
        public var family: String
        public var size: Double
        /// CSS-style weight: 400 regular, 700 bold.
        public var weight: Int
    }

    /// Colours as `#rrggbb` strings.
    public struct Colors: Hashable, Sendable {
        public var text = "#1b1f24"
        public var accent = "#0b5cad"
        public var muted = "#57606a"
        public var rule = "#d0d7de"
        public var quoteBackground = "#f3f6fa"
        public var tableHeader = "#e8eef6"
        public var tableStripe = "#f6f8fa"
        public var codeBackground = "#f6f8fa"
        public var link = "#0b5cad"
        /// GitHub alert callouts (`> [!NOTE]` …): title, bar and a tint of the background.
        public var note = "#0969da"
        public var tip = "#1a7f37"
        public var important = "#8250df"
        public var warning = "#9a6700"
        public var caution = "#cf222e"
        /// Syntax highlighting of fenced code with a language.
        public var codeKeyword = "#cf222e"
        public var codeType = "#8250df"
        public var codeString = "#0a3069"
        public var codeNumber = "#0550ae"
        public var codeComment = "#6e7781"
        public var codeFunction = "#6639ba"
        public var codePreprocessor = "#953800"
        /// Data chart series colours (empty: the Okabe–Ito palette).
        public var series: [String] = []
    }

    /// Left, centre and right templates of a running header or footer.
    public struct Furniture: Hashable, Sendable {
        public var left, center, right: String
        public var isEmpty: Bool { left.isEmpty && center.isEmpty && right.isEmpty }
    }
}
