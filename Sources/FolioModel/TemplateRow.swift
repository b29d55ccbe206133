@preconcurrency import Stencil

/// A table as templates see it: typed cells, shared by its rows, with the reads recorded.
final class TemplateTable {
    let id: String
    let columns: [String]
    let columnIndex: [String: Int]
    let cells: [[Any]]
    let reads: DataReads.TableReads
    /// What the cells were read from (`DataTable.cacheKey`): equal keys, equal cells.
    let cacheKey: String?

    init(_ table: DataTable, reads: DataReads) {
        id = table.id
        cacheKey = table.cacheKey
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
///
/// Stencil sees a table's rows behind a `LazyValueWrapper`: after each step of a key path it casts
/// the value to that class, and on Linux casting a Swift array to a class bridges it to an
/// `NSArray`, element by element — for a 1,000-row table that was most of a template's time.
/// Casting one class to another is a pointer check.
final class TemplateTables: DynamicMemberLookup {
    let tables: [String: TemplateTable]
    private var rows: [String: [Any]] = [:]
    private var wrapped: [String: LazyValueWrapper] = [:]

    init(_ tables: [String: TemplateTable]) { self.tables = tables }

    /// Table `member`'s rows, for Folio's own code.
    func rows(of member: String) -> [Any]? {
        if let known = rows[member] { return known }
        guard let table = tables[member] else { return nil }
        let made = table.rows
        rows[member] = made
        return made
    }

    /// Table `member`'s rows, for Stencil (see above).
    subscript(dynamicMember member: String) -> Any? {
        if let known = wrapped[member] { return known }
        guard let made = rows(of: member) else { return nil }
        let wrapper = LazyValueWrapper(made)
        wrapped[member] = wrapper
        return wrapper
    }

    var ids: [String] { tables.keys.sorted() }
}

/// One row of a data table: `row.COLUMN` is the cell, and reading it is recorded (see `DataReads`).
///
/// A value of two words, which `Any` holds without an allocation: every report lists a table's rows
/// afresh (their reads are the report's), and 1,000 objects a report were a tenth of a batch's
/// template time.
struct TemplateRow: DynamicMemberLookup, CustomStringConvertible {
    let table: TemplateTable
    let index: Int

    subscript(dynamicMember member: String) -> Any? {
        guard let column = table.columnIndex[member] else { return nil }
        table.reads.read(row: index, column: column)
        return table.cells[index][column]
    }

    var description: String {
        "{" + table.columns.map { "\($0): \(stringValue(self[dynamicMember: $0]))" }.joined(separator: ", ") + "}"
    }
}
