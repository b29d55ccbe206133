@preconcurrency import Stencil

/// A table as templates see it: typed cells, shared by its rows, with the reads recorded.
final class TemplateTable {
    let id: String
    let columns: [String]
    let columnIndex: [String: Int]
    let cells: [[Any]]
    let reads: DataReads.TableReads

    init(_ table: DataTable, reads: DataReads) {
        id = table.id
        columns = table.columns
        columnIndex = Dictionary(table.columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        cells = DataCache.typedCells(of: table)
        self.reads = reads.table(table.id, columns: table.columns, rows: table.rows.count)
    }

    /// The rows, for `tables.ID`.
    var rows: [Any] { cells.indices.map { TemplateRow(table: self, index: $0) } }
}

/// `tables`: each table's rows by id, looked up directly (a plain dictionary would be copied by
/// Stencil on every lookup).
final class TemplateTables: DynamicMemberLookup {
    let tables: [String: TemplateTable]
    private var rows: [String: [Any]] = [:]

    init(_ tables: [String: TemplateTable]) { self.tables = tables }

    subscript(dynamicMember member: String) -> Any? {
        if let known = rows[member] { return known }
        guard let table = tables[member] else { return nil }
        let made = table.rows
        rows[member] = made
        return made
    }

    var ids: [String] { tables.keys.sorted() }
}

/// One row of a data table: `row.COLUMN` is the cell, and reading it is recorded (see `DataReads`).
final class TemplateRow: DynamicMemberLookup, CustomStringConvertible {
    let table: TemplateTable
    let index: Int

    init(table: TemplateTable, index: Int) {
        self.table = table
        self.index = index
    }

    subscript(dynamicMember member: String) -> Any? {
        guard let column = table.columnIndex[member] else { return nil }
        table.reads.read(row: index, column: column)
        return table.cells[index][column]
    }

    var description: String {
        "{" + table.columns.map { "\($0): \(stringValue(self[dynamicMember: $0]))" }.joined(separator: ", ") + "}"
    }
}
