/// Footnotes: each note's lines at the foot of the column that cites it, continued on the next
/// column or page when they do not all fit.
extension CompositionRun {
    /// The unit of one footnote line.
    func noteUnit(_ line: NoteLine) -> FlowUnit {
        let lines = composer.footnotes[line.number] ?? []
        return line.line < lines.count ? lines[line.line] : FlowUnit(height: 0, items: [])
    }

    /// A footnote line's height in the foot, with the air above it.
    func noteLineHeight(_ line: NoteLine) -> Double {
        let unit = noteUnit(line)
        return unit.height + unit.spaceBefore
    }

    /// The height of `column`'s footnotes with their rule (0 without notes).
    func notesHeight(_ column: Int) -> Double {
        guard column < state.notes.count, !state.notes[column].isEmpty else { return 0 }
        return composer.footnoteRuleSpace + state.notes[column].reduce(0) { $0 + noteLineHeight($1) }
    }

    /// Room the notes `unit` cites take in `column`: all of them, and the least it can do with
    /// (every note but the last whole, and the last one's first line).
    func notesNeed(_ unit: FlowUnit, column: Int) -> (full: Double, least: Double) {
        let numbers = unit.footnotes.filter { !state.cited.contains($0) }
        guard !numbers.isEmpty else { return (0, 0) }
        let rule = column < state.notes.count && !state.notes[column].isEmpty ? 0 : composer.footnoteRuleSpace
        var full = rule, least = rule
        for (position, number) in numbers.enumerated() {
            let count = composer.footnotes[number]?.count ?? 0
            let heights = (0..<count).map { noteLineHeight(NoteLine(number: number, line: $0)) }
            full += heights.reduce(0, +)
            least += position == numbers.count - 1 ? (heights.first ?? 0) : heights.reduce(0, +)
        }
        return (full, least)
    }

    /// Sets the notes a just-placed unit cites: in `column`'s foot while they fit, the rest carried.
    mutating func addNotes(_ numbers: [Int], column: Int) {
        while state.notes.count <= column { state.notes.append([]) }
        for number in numbers where !state.cited.contains(number) {
            state.cited.insert(number)
            for index in 0..<(composer.footnotes[number]?.count ?? 0) {
                let line = NoteLine(number: number, line: index)
                let rule = state.notes[column].isEmpty ? composer.footnoteRuleSpace : 0
                if state.carried.isEmpty, state.y + notesHeight(column) + rule + noteLineHeight(line) <= geometry.height + epsilon {
                    state.notes[column].append(line)
                } else {
                    state.carried.append(line)
                }
            }
        }
    }

    /// At a column's start: the lines carried over, up to half its height (one line at least).
    mutating func placeCarried() {
        guard !state.carried.isEmpty else { return }
        while state.notes.count <= state.column { state.notes.append([]) }
        let limit = (geometry.height - state.y) * 0.5
        while let line = state.carried.first {
            let height = notesHeight(state.column) + (state.notes[state.column].isEmpty ? composer.footnoteRuleSpace : 0)
                + noteLineHeight(line)
            guard height <= limit || state.notes[state.column].isEmpty else { break }
            state.notes[state.column].append(line)
            state.carried.removeFirst()
        }
    }
}
