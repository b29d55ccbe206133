// Drawing the time axis under the lanes: grid lines, the axis line, ticks and their two tiers of labels.
import FolioDisplay

extension TimelineLayout {
    /// Height of the axis block: ticks, tier-1 labels and, when present, tier-2 labels.
    func axisHeight(_ axis: TimeAxis) -> Double {
        let tier1 = style.lineHeight(style.axis, measurer: measurer).height
        let tier2 = axis.context.isEmpty ? 0 : style.lineHeight(style.axisContext, measurer: measurer).height + 1
        return TimelineLayout.tickLength + TimelineLayout.axisLabelGap + tier1 + tier2 + 2
    }

    func drawAxis(_ axis: TimeAxis, scale: TimeScale, lanesTop: Double, axisY: Double, into scene: inout TimelineScene) {
        let grid = Stroke(color: style.theme.rule.withAlpha(0.7), width: 0.5)
        let tickStroke = Stroke(color: style.theme.muted, width: 0.6)
        for tick in axis.ticks {
            scene.background.append(.line(LineItem(from: Point(x: tick.x, y: lanesTop), to: Point(x: tick.x, y: axisY), stroke: grid)))
        }
        scene.background.append(.line(LineItem(from: Point(x: scale.left, y: axisY), to: Point(x: scale.right, y: axisY),
                                               stroke: Stroke(color: style.theme.muted, width: 0.8))))
        let tier1 = style.lineHeight(style.axis, measurer: measurer)
        let baseline1 = axisY + TimelineLayout.tickLength + TimelineLayout.axisLabelGap + tier1.ascent
        for tick in axis.ticks {
            scene.background.append(.line(LineItem(from: Point(x: tick.x, y: axisY), to: Point(x: tick.x, y: axisY + TimelineLayout.tickLength),
                                                   stroke: tickStroke)))
            scene.labels.append(.init(item: TextItem(origin: Point(x: tick.labelX, y: baseline1), line: tick.label), owner: nil))
        }
        guard !axis.context.isEmpty else { return }
        let tier2 = style.lineHeight(style.axisContext, measurer: measurer)
        let baseline2 = baseline1 - tier1.ascent + tier1.height + 1 + tier2.ascent
        for tick in axis.context {
            scene.labels.append(.init(item: TextItem(origin: Point(x: tick.labelX, y: baseline2), line: tick.label), owner: nil))
        }
    }
}
