/// The page composer: one model for every way content meets a page (STYLE.md, "The page model").
///
/// In-flow units are distributed down the columns of each page; out-of-flow insertions are placed
/// by the composer around them: floats at the top of a later column or page, footnote lines at the
/// foot of the column that cites them, units spanning every column, and turned pages of another
/// size. When a unit no longer fits, distribution resumes from the last checkpoint in the column
/// (the state after the last unit that allows a break), never from the document start.
public struct PageComposer {
    /// The text area of one kind of page.
    public struct Geometry: Sendable {
        public var height: Double
        public var columns: Int
        public var columnWidth: Double
        public var gap: Double

        public init(height: Double, width: Double, columns: Int = 1, gap: Double = 0) {
            self.height = height
            self.columns = max(columns, 1)
            self.gap = self.columns > 1 ? gap : 0
            self.columnWidth = self.columns > 1 ? (width - gap * Double(self.columns - 1)) / Double(self.columns) : width
        }

        /// The left edge of `column`, from the text area's left.
        func x(_ column: Int) -> Double { Double(column) * (columnWidth + gap) }
    }

    /// Pages in the layout's own orientation, and turned pages (width and height swapped).
    public var regular: Geometry
    public var turned: Geometry
    /// The lines of each footnote, by number (each line one unit).
    public var footnotes: [Int: [FlowUnit]] = [:]
    /// For a float cited only later in the flow: the index of the unit that first cites it. The
    /// float waits until that unit is placed (never lands before its first reference).
    public var firstReference: [Int: Int] = [:]
    /// Space between a float and what follows it.
    public var floatGap = 12.0
    /// Room for the rule above a column's footnotes, and the air around it.
    public var footnoteRuleSpace = 10.0

    public init(regular: Geometry, turned: Geometry? = nil) {
        self.regular = regular
        self.turned = turned ?? regular
    }

    /// One column's height, single column: the plain paginator's geometry.
    public init(pageHeight: Double) {
        self.init(regular: Geometry(height: pageHeight, width: 0))
    }

    /// The page plans for `units`, in order.
    public func compose(_ units: [FlowUnit]) -> [PagePlan] {
        var run = CompositionRun(composer: self, units: units)
        return run.run()
    }
}

/// One composition in progress: the state of the current page, checkpointed at each allowed break.
struct CompositionRun {
    let composer: PageComposer
    let units: [FlowUnit]
    var pages: [PagePlan] = []
    var state = State()
    /// The state after the last unit in the current column that allows a break after it.
    var checkpoint: State?
    let epsilon = 0.01

    /// A footnote line placed (or waiting) in a column's foot.
    struct NoteLine: Sendable {
        var number: Int
        var line: Int
    }

    /// Everything a checkpoint restores.
    struct State {
        var index = 0
        var placements: [PagePlan.Placement] = []
        var turned = false
        var column = 0
        /// Top of the current band of columns (below floats and spanning units).
        var bandTop = 0.0
        /// Where the band's placements start in `placements`.
        var bandStart = 0
        /// The lowest y any earlier column of the band reached.
        var bandBottom = 0.0
        var y = 0.0
        /// Flow units placed in the current column (the space above the first is dropped).
        var columnHasFlow = false
        /// Flow units placed on the page (a page break on a page of floats alone is not taken).
        var pageHasFlow = false
        var notes: [[NoteLine]] = [[]]
        /// Nothing but a repeated header above in this column: a unit too tall for any column is
        /// placed here anyway.
        var forcible = true
        /// Footnotes already set (a note cited twice is set once).
        var cited: Set<Int> = []
        /// Floats not yet placed, in order.
        var waiting: [Int] = []
        /// Footnote lines continued from the previous column or page.
        var carried: [NoteLine] = []
    }

    init(composer: PageComposer, units: [FlowUnit]) {
        self.composer = composer
        self.units = units
    }

    var geometry: PageComposer.Geometry { state.turned ? composer.turned : composer.regular }

    mutating func run() -> [PagePlan] {
        startPage(turned: units.first?.turned ?? false)
        while state.index < units.count {
            let index = state.index
            let unit = units[index]
            if unit.turned != state.turned {
                settleWaitingFloats()
                finishPage()
                startPage(turned: unit.turned)
                continue
            }
            if unit.breakBefore, state.pageHasFlow {
                settleWaitingFloats()
                finishPage()
                startPage(turned: unit.turned)
                continue
            }
            let spanning = unit.spansColumns && geometry.columns > 1
            if unit.floats, !spanning, deferFloat(index) {
                state.index += 1
                continue
            }
            if spanning { placeSpanning(index) } else { placeInColumn(index) }
        }
        if geometry.columns > 1 { balanceBand() }
        settleWaitingFloats()
        var guardPages = units.count + 2
        while (!state.waiting.isEmpty || !state.carried.isEmpty) && guardPages > 0 {
            finishPage()
            startPage(turned: state.turned)
            guardPages -= 1
        }
        finishPage()
        return pages.isEmpty ? [PagePlan()] : pages
    }

    // MARK: Floats

    /// Whether float `index` may be placed now: it is cited nowhere later in the flow, or that
    /// citation has been placed.
    func isReady(_ index: Int) -> Bool {
        guard let reference = composer.firstReference[index] else { return true }
        return state.index > reference
    }

    /// Queues float `index` when it must wait (an earlier float waits, its reference is still to
    /// come, or it does not fit here); false to place it where it stands.
    mutating func deferFloat(_ index: Int) -> Bool {
        let unit = units[index]
        if !state.waiting.isEmpty || !isReady(index) {
            state.waiting.append(index)
            return true
        }
        let space = state.columnHasFlow ? unit.spaceBefore : 0
        let fits = state.y + space + unit.height + notesNeed(unit, column: state.column).least <= bottom(state.column) + epsilon
        if fits || (state.forcible && !state.columnHasFlow) { return false }
        state.waiting.append(index)
        return true
    }

    /// The text has run out before a page break: the waiting floats go below it while they fit, set
    /// smaller if they may be, rather than leave this page short and take pages of their own.
    mutating func settleWaitingFloats() {
        guard geometry.columns == 1, state.pageHasFlow else { return }
        while let index = state.waiting.first, isReady(index) {
            let unit = units[index]
            let y = state.y + unit.spaceBefore
            let room = bottom(state.column) - y - notesNeed(unit, column: state.column).least
            guard let scale = unit.height <= room + epsilon ? 1 : reducedScale(unit, room: room) else { return }
            state.placements.append(.init(source: .unit(index), x: geometry.x(state.column), y: y, scale: scale))
            state.y = y + reducedHeight(unit, scale)
            state.waiting.removeFirst()
            if !unit.footnotes.isEmpty { addNotes(unit.footnotes, column: state.column) }
        }
    }

    /// The scale at which `unit`'s picture makes it fill `room` exactly, if it may be set that small.
    func reducedScale(_ unit: FlowUnit, room: Double) -> Double? {
        guard let picture = unit.picture, picture.height > 0 else { return nil }
        let scale = (room - (unit.height - picture.height)) / picture.height
        return scale >= picture.minimumScale && scale < 1 ? scale : nil
    }

    /// `unit`'s height with its picture at `scale`.
    func reducedHeight(_ unit: FlowUnit, _ scale: Double) -> Double {
        scale == 1 ? unit.height : unit.picture?.height(of: unit, at: scale) ?? unit.height
    }

    /// Whether text is still to come before the next page break to fill the room a float leaves: a
    /// unit that is no float, from `start` on, before a forced break or a change of orientation.
    func flowFollows(from start: Int) -> Bool {
        var index = start
        while index < units.count {
            let unit = units[index]
            if unit.breakBefore || unit.turned != state.turned { return false }
            if !unit.floats { return true }
            index += 1
        }
        return false
    }

    /// Places the ready floats at the head of the queue at the top of the current column (or, for
    /// spanning ones, of the page), while they fit.
    mutating func placeReadyFloats() {
        while let index = state.waiting.first, isReady(index) {
            let unit = units[index]
            let spanning = unit.spansColumns && geometry.columns > 1
            let pageIsBare = state.placements.isEmpty
            if spanning {
                guard state.column == 0, state.y <= state.bandTop + epsilon else { return }
                let fits = state.bandTop + unit.height <= fullBottom() + epsilon
                guard fits || pageIsBare else { return }
                state.placements.append(.init(source: .unit(index), x: 0, y: state.bandTop, startsColumn: true))
                state.bandTop += unit.height + composer.floatGap
                state.y = state.bandTop
                state.bandStart = state.placements.count
            } else {
                let fits = state.y + unit.height <= bottom(state.column) + epsilon
                // The text has run out: the float set smaller below the others, not on a page of its own.
                let scale = fits || pageIsBare || flowFollows(from: state.index) ? nil
                    : reducedScale(unit, room: bottom(state.column) - state.y)
                guard fits || pageIsBare || scale != nil else { return }
                state.placements.append(.init(source: .unit(index), x: geometry.x(state.column), y: state.y, startsColumn: true,
                                              scale: scale ?? 1))
                state.y += reducedHeight(unit, scale ?? 1) + composer.floatGap
            }
            state.waiting.removeFirst()
            state.forcible = false
            if !unit.footnotes.isEmpty { addNotes(unit.footnotes, column: state.column) }
        }
    }

    // MARK: Columns and pages

    /// Places unit `index` in the current column, or breaks to the next column at the last
    /// checkpoint.
    mutating func placeInColumn(_ index: Int) {
        let unit = units[index]
        let column = state.column
        let space = state.columnHasFlow ? unit.spaceBefore : 0
        let need = notesNeed(unit, column: column)
        let blocked = !unit.footnotes.isEmpty && !state.carried.isEmpty
        let atTop = state.forcible && !state.columnHasFlow
        if (!blocked && state.y + space + unit.height + need.least <= bottom(column) + epsilon) || atTop {
            state.placements.append(.init(source: .unit(index), x: geometry.x(column), y: state.y + space,
                                          startsColumn: !state.columnHasFlow))
            state.y += space + unit.height
            state.columnHasFlow = true
            state.pageHasFlow = true
            if !unit.footnotes.isEmpty { addNotes(unit.footnotes, column: column) }
            state.index += 1
            if unit.canBreakAfter, !unit.keepWithNext { checkpoint = state }
            return
        }
        if let saved = checkpoint { state = saved }
        // A heading spanning the columns moves to the next page with what it keeps with.
        if state.index < units.count, units[state.index].spansColumns, !units[state.index].floats, geometry.columns > 1 {
            finishPage()
            startPage(turned: units[state.index].turned)
            return
        }
        nextColumn()
    }

    /// Moves on to the next column of the band, or to a new page after the last one.
    mutating func nextColumn() {
        guard state.column + 1 < geometry.columns else {
            finishPage()
            startPage(turned: state.index < units.count ? units[state.index].turned : state.turned)
            return
        }
        state.bandBottom = max(state.bandBottom, state.y)
        state.column += 1
        state.y = state.bandTop
        state.columnHasFlow = false
        state.forcible = true
        checkpoint = nil
        if state.notes.count <= state.column { state.notes.append([]) }
        placeCarried()
        placeReadyFloats()
        placeRepeatedHeader()
    }

    mutating func startPage(turned: Bool) {
        let kept = (state.index, state.waiting, state.carried, state.cited)
        state = State()
        (state.index, state.waiting, state.carried, state.cited) = kept
        state.turned = turned
        state.notes = Array(repeating: [], count: geometry.columns)
        checkpoint = nil
        placeCarried()
        placeReadyFloats()
        placeRepeatedHeader()
    }

    /// A table header repeated where a column starts inside its table.
    mutating func placeRepeatedHeader() {
        guard state.index < units.count, let header = units[state.index].repeatedHeader,
              units[state.index].turned == state.turned else { return }
        state.placements.append(.init(source: .header(header), x: geometry.x(state.column), y: state.y))
        state.y += header.unit.height
    }

    /// Ends the page: each column's footnotes at its foot, under a short rule.
    mutating func finishPage() {
        for (column, lines) in state.notes.enumerated() where !lines.isEmpty {
            var y = geometry.height - notesHeight(column)
            let x = geometry.x(column)
            state.placements.append(.init(source: .footnoteRule, x: x, y: y))
            y += composer.footnoteRuleSpace
            for line in lines {
                let unit = noteUnit(line)
                y += unit.spaceBefore
                state.placements.append(.init(source: .footnote(number: line.number, line: line.line), x: x, y: y))
                y += unit.height
            }
        }
        if !state.placements.isEmpty { pages.append(PagePlan(state.placements, turned: state.turned)) }
        state.placements = []
        state.notes = Array(repeating: [], count: geometry.columns)
    }

    /// The bottom of the room for flow in `column`: the page's, less its footnotes.
    func bottom(_ column: Int) -> Double {
        geometry.height - notesHeight(column)
    }

    /// The bottom of the room for a unit across every column.
    func fullBottom() -> Double {
        (0..<geometry.columns).map(bottom).min() ?? geometry.height
    }
}
