// A fence's `where:` over a data table: keep the rows whose columns equal the values given.

extension DataTable {
    /// The indices among `rows` kept by `filter` (`{ column: value }` or `{ column: [values] }`);
    /// an unknown column gets a "did you mean". Records the cells read in `reads`.
    func rows(_ rows: [Int], where filter: YAMLValue, reads: DataReads) throws -> [Int] {
        var kept = rows
        for (key, expected) in try filter.mapping("a mapping of columns to the values to keep") {
            let column = try columnIndex(key, try key.string("a column name"))
            let wanted = try expected.sequence("a value or a list of values", allowSingle: true).map { try $0.string("a value") }
            reads.readColumn(column, of: self)
            kept = kept.filter { row in wanted.contains { TableFence.matches(self.rows[row][column], $0) } }
        }
        return kept
    }

    /// The index of column `name`, or an error at `item` with a "did you mean".
    func columnIndex(_ item: YAMLValue, _ name: String) throws -> Int {
        guard let index = columns.firstIndex(of: name) else {
            throw item.error("table '\(id)' has no column '\(name)'", hints: Suggestions.hint(for: name, in: columns))
        }
        return index
    }
}
