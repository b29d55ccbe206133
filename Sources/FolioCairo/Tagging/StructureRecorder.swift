import CCairo
import FolioDisplay

/// Follows the structure marks of the display list while a PDF is drawn: builds the structure tree
/// in reading order and brackets every drawn item in a flat Cairo structure tag (one marked-content
/// sequence) belonging to one element, or to an artifact.
///
/// Cairo 1.16 nests tags poorly (content after a child tag or across a page break is left out of
/// its tree) and knows no artifacts or attributes, so Cairo's tags are used only as markers: never
/// nested, opened lazily before content, closed at every change of owner and at each page's end.
/// `TaggedPDF` then replaces Cairo's tree with this one.
final class StructureRecorder {
    /// One element of the tree: role, attributes, and kids in reading order.
    struct Node {
        enum Kid { case node(Int), content(page: Int, mcid: Int), link(page: Int, index: Int, contents: String) }
        var element: StructureElement
        var parent: Int
        var kids: [Kid] = []
    }

    /// The tree; node 0 is the Document.
    private(set) var nodes: [Node]
    /// Each page's marked-content sequences in order: `R` real content, `A` artifact.
    private(set) var pageMarks: [String] = []

    /// Open elements, innermost last: a node, or nil inside an artifact.
    private var stack: [Int?] = [0]
    /// The owner of the open Cairo tag, if one is open.
    private var openLeaf: Int??
    private var openTag = ""
    private var page = -1
    private var nextMCID = 0
    private var linksOnPage = 0

    init() {
        nodes = [Node(element: StructureElement(.document), parent: -1)]
    }

    /// Starts page `index` (0-based).
    func beginPage(_ index: Int) {
        page = index
        nextMCID = 0
        linksOnPage = 0
        while pageMarks.count <= index { pageMarks.append("") }
    }

    /// Closes the open tag before the page is shown.
    func endPage(on cr: OpaquePointer) {
        closeLeaf(on: cr)
    }

    func mark(_ mark: StructureMark) {
        switch mark {
        case .begin(let element):
            guard element.role != .artifact, let parent = stack.last ?? nil else {
                stack.append(nil)
                return
            }
            nodes.append(Node(element: element, parent: parent))
            let index = nodes.count - 1
            nodes[parent].kids.append(.node(index))
            stack.append(index)
        case .end:
            if stack.count > 1 { stack.removeLast() }
        }
    }

    /// Called before any item that leaves ink: opens a tag for the current owner when needed.
    func content(on cr: OpaquePointer) {
        let owner: Int? = stack.last ?? nil
        let current = owner == 0 ? nil : owner  // content directly in the Document is decoration
        if let openLeaf, openLeaf == current { return }
        closeLeaf(on: cr)
        let tag = current.map { nodes[$0].element.role.rawValue } ?? "Span"
        cairo_tag_begin(cr, tag, nil)
        openTag = tag
        openLeaf = .some(current)
        if let current {
            nodes[current].kids.append(.content(page: page, mcid: nextMCID))
            nextMCID += 1
            pageMarks[page].append("R")
        } else {
            pageMarks[page].append("A")
        }
    }

    /// A link annotation: a Link element under the current element (its own Cairo tag comes next).
    func link(contents: String, on cr: OpaquePointer) {
        closeLeaf(on: cr)
        var parent = 0
        for entry in stack.reversed() { if let entry { parent = entry; break } }
        nodes.append(Node(element: StructureElement(.link), parent: parent,
                          kids: [.link(page: page, index: linksOnPage, contents: contents)]))
        nodes[parent].kids.append(.node(nodes.count - 1))
        linksOnPage += 1
        // Cairo opens a marked-content sequence for the link's own tag: empty, made an artifact.
        pageMarks[page].append("A")
    }

    private func closeLeaf(on cr: OpaquePointer) {
        guard openLeaf != nil else { return }
        cairo_tag_end(cr, openTag)
        openLeaf = nil
    }
}
