/// Units spanning the columns of a multi-column page, and balancing a band of columns above them.
extension CompositionRun {
    /// Places a unit across every column: below the band above it, balanced; on the next page
    /// when it does not fit (a float waits for the top of a later page instead).
    mutating func placeSpanning(_ index: Int) {
        let unit = units[index]
        let before = state
        let top = balanceBand()
        let pageIsBare = state.placements.isEmpty
        let space = pageIsBare ? 0 : unit.spaceBefore
        let need = notesNeed(unit, column: 0).least
        let waits = unit.floats && (!state.waiting.isEmpty || !isReady(index))
        if !waits, top + space + unit.height + need <= fullBottom() + epsilon || pageIsBare {
            state.placements.append(.init(source: .unit(index), x: 0, y: top + space, startsColumn: pageIsBare))
            // A spanning figure keeps a float's gap from the columns below it.
            state.bandTop = top + space + unit.height + (unit.floats ? composer.floatGap : 0)
            state.y = state.bandTop
            state.bandBottom = state.bandTop
            state.bandStart = state.placements.count
            state.column = 0
            state.columnHasFlow = false
            state.forcible = false
            state.pageHasFlow = true
            if !unit.footnotes.isEmpty { addNotes(unit.footnotes, column: 0) }
            state.index += 1
            checkpoint = unit.canBreakAfter && !unit.keepWithNext ? state : nil
            return
        }
        state = before
        if unit.floats {
            state.waiting.append(index)
            state.index += 1
            return
        }
        // What the unit keeps with (a heading's lines) moves along with it.
        if let saved = checkpoint { state = saved }
        finishPage()
        startPage(turned: state.turned)
    }

    /// Rearranges the current band's units over its columns at the least height that holds them,
    /// and returns the band's bottom. A band holding footnote marks or repeated headers is left as
    /// it is.
    @discardableResult
    mutating func balanceBand() -> Double {
        let unbalanced = max(state.bandBottom, state.y)
        guard geometry.columns > 1, state.bandStart < state.placements.count else { return unbalanced }
        var indices: [Int] = []
        for placement in state.placements[state.bandStart...] {
            guard case .unit(let index) = placement.source, units[index].footnotes.isEmpty else { return unbalanced }
            indices.append(index)
        }
        let top = state.bandTop, room = fullBottom() - top
        let total = indices.enumerated().reduce(0.0) { sum, entry in sum + units[entry.element].height + (entry.offset == 0 ? 0 : units[entry.element].spaceBefore) }
        var height = max(total / Double(geometry.columns), indices.map { units[$0].height }.max() ?? 0)
        while height <= room + epsilon {
            if let (placements, bottom) = fill(indices, top: top, height: height, room: room) {
                state.placements.replaceSubrange(state.bandStart..., with: placements)
                state.bandBottom = bottom
                state.y = bottom
                return bottom
            }
            height += 2
        }
        return unbalanced
    }

    /// The band's units filled into columns of `height` (breaking only where allowed), or nil
    /// when they need more columns or more room.
    func fill(_ indices: [Int], top: Double, height: Double, room: Double) -> ([PagePlan.Placement], Double)? {
        var placements: [PagePlan.Placement] = []
        var column = 0, y = top, bottom = top, hasFlow = false
        for (position, index) in indices.enumerated() {
            let unit = units[index]
            var space = hasFlow ? unit.spaceBefore : 0
            if hasFlow, y + space + unit.height > top + height + epsilon {
                let previous = units[indices[position - 1]]
                if previous.canBreakAfter, !previous.keepWithNext {
                    column += 1
                    guard column < geometry.columns else { return nil }
                    y = top
                    space = 0
                    hasFlow = false
                }
            }
            guard y + space + unit.height <= top + room + epsilon else { return nil }
            placements.append(.init(source: .unit(index), x: geometry.x(column), y: y + space, startsColumn: !hasFlow))
            y += space + unit.height
            bottom = max(bottom, y)
            hasFlow = true
        }
        return (placements, bottom)
    }
}
