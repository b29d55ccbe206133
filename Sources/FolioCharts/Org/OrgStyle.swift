import FolioDisplay
import Foundation
import FolioBundle

/// Fonts, colours and spacing of an org chart, derived from the chart theme.
struct OrgStyle {
    let theme: ChartTheme
    /// Horizontal gap between neighbouring cards, and vertical gap between levels.
    let siblingGap: Double
    let levelGap: Double
    /// Inner padding of a card, and its narrowest and widest text.
    let padding: Double
    let minimumCardWidth: Double
    let maximumTextWidth: Double
    /// Stacked leaves: indent of a card from its column's spine, gap between stacked cards and columns.
    let stackIndent: Double
    let stackGap: Double
    let columnGap: Double

    init(theme: ChartTheme) {
        self.theme = theme
        let unit = theme.textSize / 8.5
        siblingGap = 10 * unit
        levelGap = 22 * unit
        padding = 5 * unit
        minimumCardWidth = 64 * unit
        maximumTextWidth = 118 * unit
        stackIndent = 10 * unit
        stackGap = 6 * unit
        columnGap = 10 * unit
    }

    /// Charts with more cards than this draw them with square corners: split over pages at the
    /// smallest scale, a 2 pt rounding barely shows, while rounded cards still cost about 19% more
    /// processor time on a 10,000-card chart (3.53 s against 2.97 s, median of 7, even drawn with one
    /// Bézier curve per corner), over the 10% that rounding large charts may cost.
    /// `FOLIO_ORG_ROUNDED_LIMIT` in the environment moves the limit (to measure that again).
    static let roundedCardLimit = EnvironmentVariable.value("FOLIO_ORG_ROUNDED_LIMIT").flatMap { Int($0) } ?? 500

    func cornerRadius(cards: Int) -> Double { cards > Self.roundedCardLimit ? 0 : 3 }

    var nameStyle: TextStyle {
        TextStyle(font: FontSpec(family: theme.headingFamily, size: theme.textSize, weight: 700), color: theme.text)
    }
    var titleStyle: TextStyle {
        TextStyle(font: FontSpec(family: theme.bodyFamily, size: theme.textSize - 0.5), color: theme.muted)
    }
    var noteStyle: TextStyle {
        TextStyle(font: FontSpec(family: theme.bodyFamily, size: theme.textSize - 1.5, italic: true), color: theme.muted)
    }
    func tagStyle(_ color: Color) -> TextStyle {
        TextStyle(font: FontSpec(family: theme.headingFamily, size: theme.textSize - 1.5, weight: 700), color: color)
    }
    var headerStyle: TextStyle {
        TextStyle(font: FontSpec(family: theme.headingFamily, size: theme.textSize + 1, weight: 700), color: theme.text)
    }
    var smallStyle: TextStyle {
        TextStyle(font: FontSpec(family: theme.bodyFamily, size: theme.textSize - 1), color: theme.muted)
    }
    var linkLabelStyle: TextStyle {
        TextStyle(font: FontSpec(family: theme.bodyFamily, size: theme.textSize - 1, italic: true), color: theme.muted)
    }

    // MARK: Colours

    static let green = Color(red: 0.102, green: 0.498, blue: 0.216)
    static let amber = Color(red: 0.706, green: 0.427, blue: 0.0)
    static let red = Color(red: 0.812, green: 0.133, blue: 0.180)
    static let purple = Color(red: 0.510, green: 0.314, blue: 0.875)

    var cardFill: Color { .white }
    var cardStroke: Color { theme.rule.mixed(with: theme.muted, amount: 0.35) }
    var connector: Color { theme.muted.mixed(with: .white, amount: 0.35) }
    var fadedAlpha: Double { 0.45 }
}
