// Text styles and spacing of timeline charts, derived from the chart theme and measured once.
import FolioDisplay

/// How a timeline looks: its text styles, line heights (measured) and fixed spacings in points.
struct TimelineStyle {
    let theme: ChartTheme
    let title: TextStyle
    let label: TextStyle
    let emphasisLabel: TextStyle
    let date: TextStyle
    let note: TextStyle
    let laneName: TextStyle
    let axis: TextStyle
    let axisContext: TextStyle
    let legend: TextStyle
    let more: TextStyle

    /// Height of one label line (ascent + descent of the label font) and its ascent.
    let labelAscent: Double
    let labelHeight: Double
    let noteAscent: Double
    /// Height of one packing row: a label line plus breathing room.
    let rowHeight: Double

    /// Marker radius of a point, and of an emphasised point.
    let markerRadius: Double
    let emphasisRadius: Double
    /// Space between a mark and its text.
    let textPad = 3.0
    /// Space kept between items in one row.
    let itemGap = 6.0
    /// Space from the chart's left and right edges to the time range.
    let sideMargin = 6.0

    init(theme: ChartTheme, measurer: TextMeasuring) {
        self.theme = theme
        let size = theme.textSize
        func style(_ family: String, _ size: Double, weight: Int = 400, italic: Bool = false, color: Color) -> TextStyle {
            TextStyle(font: FontSpec(family: family, size: size, weight: weight, italic: italic), color: color)
        }
        title = style(theme.headingFamily, size + 2.5, weight: 700, color: theme.text)
        label = style(theme.bodyFamily, size, color: theme.text)
        emphasisLabel = style(theme.bodyFamily, size, weight: 700, color: theme.text)
        date = style(theme.bodyFamily, size, color: theme.muted)
        note = style(theme.bodyFamily, size - 1, color: theme.muted)
        laneName = style(theme.headingFamily, size - 0.5, weight: 700, color: theme.muted)
        axis = style(theme.bodyFamily, size - 0.5, color: theme.muted)
        axisContext = style(theme.bodyFamily, size - 0.5, weight: 700, color: theme.text)
        legend = style(theme.bodyFamily, size - 0.5, color: theme.text)
        more = style(theme.bodyFamily, size - 0.5, italic: true, color: theme.muted)

        let sample = "Hxgjy"
        let labelLine = measurer.measureLine([TextSpan(sample, style: emphasisLabel)], lang: theme.lang)
        let noteLine = measurer.measureLine([TextSpan(sample, style: note)], lang: theme.lang)
        labelAscent = labelLine.ascent
        labelHeight = labelLine.height
        noteAscent = noteLine.ascent
        rowHeight = (max(labelLine.height, noteLine.height) + 3).rounded(.up)
        markerRadius = min(3, rowHeight / 2 - 1)
        emphasisRadius = min(4.2, rowHeight / 2 - 0.5)
    }

    /// Height of one line of `style` as the measurer sees it.
    func lineHeight(_ style: TextStyle, measurer: TextMeasuring) -> (ascent: Double, height: Double) {
        let line = measurer.measureLine([TextSpan("Hxgjy", style: style)], lang: theme.lang)
        return (line.ascent, line.height)
    }
}
