import FolioDisplay

/// Structure marks for tagged PDF: each block's units bracketed as one element, in reading order.
extension BlockFlow {
    /// Brackets the units added since `start` as `element`: its start before the first unit's
    /// content (after any decoration drawn behind it), its end after the last unit's items.
    func tag(_ element: StructureElement, from start: Int) {
        guard start < units.count else { return }
        Self.open(element, in: &units[start])
        units[units.count - 1].items.append(.structure(.end))
    }

    /// Inserts the start of `element` into `unit` before its content (after leading decoration).
    static func open(_ element: StructureElement, in unit: inout FlowUnit) {
        unit.items.insert(.structure(.begin(element)), at: contentStart(of: unit.items))
    }

    /// The index after a leading artifact (decoration drawn behind the content), else 0.
    static func contentStart(of items: [DisplayItem]) -> Int {
        guard case .structure(.begin(let element))? = items.first, element.role == .artifact else { return 0 }
        var depth = 0
        for (index, item) in items.enumerated() {
            guard case .structure(let mark) = item else { continue }
            switch mark {
            case .begin: depth += 1
            case .end:
                depth -= 1
                if depth == 0 { return index + 1 }
            }
        }
        return 0
    }

    /// `items` without structure marks (a repeated table header is drawn again as an artifact).
    static func unmarked(_ items: [DisplayItem]) -> [DisplayItem] {
        items.filter { !$0.isStructureMark }
    }
}
