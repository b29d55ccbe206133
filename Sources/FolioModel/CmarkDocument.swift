import CCmark

/// A cmark-gfm parse tree, owned: parsed with the GFM table, strikethrough, autolink and task list extensions.
final class CmarkDocument {
    let root: OpaquePointer

    init?(markdown: String) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { cmark_parser_feed(parser, base, buffer.count - 1) }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        root = document
    }

    deinit { cmark_node_free(root) }
}

/// A borrowed view of one cmark node (valid while its `CmarkDocument` lives).
struct CmarkNode: Sequence {
    let pointer: OpaquePointer

    var type: String { cmark_node_get_type_string(pointer).map { String(cString: $0) } ?? "" }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var listTight: Bool { cmark_node_get_list_tight(pointer) != 0 }
    /// An ordered list numbered `1)` rather than `1.`.
    var isParenthesisList: Bool { cmark_node_get_list_delim(pointer) == CMARK_PAREN_DELIM }
    /// A task list item (`- [x]`) whose box is checked.
    var isCheckedTask: Bool { cmark_gfm_extensions_get_tasklist_item_checked(pointer) }
    var line: Int { Int(cmark_node_get_start_line(pointer)) }
    var column: Int { Int(cmark_node_get_start_column(pointer)) }
    /// GFM footnotes (their type string is not exported): a mark's literal is its number.
    var isFootnoteReference: Bool { cmark_node_get_type(pointer) == CMARK_NODE_FOOTNOTE_REFERENCE }
    var isFootnoteDefinition: Bool { cmark_node_get_type(pointer) == CMARK_NODE_FOOTNOTE_DEFINITION }
    var isHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }

    /// Column alignments of a table node ('l', 'c', 'r' or 0 for none).
    var tableAlignments: [UInt8] {
        let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard let alignments = cmark_gfm_extensions_get_table_alignments(pointer) else { return [] }
        return (0..<count).map { alignments[$0] }
    }

    func makeIterator() -> AnyIterator<CmarkNode> {
        var next = cmark_node_first_child(pointer)
        return AnyIterator {
            guard let current = next else { return nil }
            next = cmark_node_next(current)
            return CmarkNode(pointer: current)
        }
    }
}
