import Foundation

/// A PDF's objects as `qpdf --json` reports them (an independent reader), with the structure tree
/// walked in reading order: what the tagged-PDF tests check.
public struct PDFStructure {
    /// One structure element: role, its entries, and where it sits in preorder.
    public struct Element {
        public var role: String
        public var dictionary: [String: Any]
        public var depth: Int
        /// Marked content it holds directly: (page object reference, MCID).
        public var content: [(page: String, mcid: Int)]
        public var alt: String? { (dictionary["/Alt"] as? String).map(PDFStructure.text) }
    }

    public let objects: [String: Any]
    public let trailer: [String: Any]
    /// Every element of the tree in preorder (reading order).
    public private(set) var elements: [Element] = []

    public init(path: String) throws {
        let run = try TestSupport.run(["qpdf", "--json", "--json-key=qpdf", path])
        guard run.status == 0 || run.status == 3 else { throw NSError(domain: "qpdf --json: \(run.stderr)", code: Int(run.status)) }
        let root = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let parts = root?["qpdf"] as? [Any] ?? []
        objects = parts.count > 1 ? parts[1] as? [String: Any] ?? [:] : [:]
        trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:]
        if let tree = catalog["/StructTreeRoot"].flatMap(dictionary) { walk(tree["/K"], depth: 0) }
    }

    /// The value of an indirect object (`"12 0 R"`), a stream's dictionary for streams.
    public func object(_ reference: String) -> Any? {
        guard let entry = objects["obj:\(reference)"] as? [String: Any] else { return nil }
        if let value = entry["value"] { return value }
        return (entry["stream"] as? [String: Any])?["dict"]
    }

    /// A value as a dictionary, following a reference.
    public func dictionary(_ value: Any) -> [String: Any]? {
        if let reference = value as? String, reference.hasSuffix(" R") { return object(reference) as? [String: Any] }
        return value as? [String: Any]
    }

    public var catalog: [String: Any] { (trailer["/Root"]).flatMap(dictionary) ?? [:] }

    /// The page objects in order.
    public var pages: [String] {
        var result: [String] = []
        func collect(_ node: Any) {
            guard let reference = node as? String, let dict = object(reference) as? [String: Any] else { return }
            if let kids = dict["/Kids"] as? [Any] { kids.forEach(collect) } else { result.append(reference) }
        }
        if let pages = catalog["/Pages"] { collect(pages) }
        return result
    }

    /// The roles of the tree in reading order.
    public var roles: [String] { elements.map(\.role) }

    /// The decoded text of a qpdf JSON string (`u:…` or `b:…`).
    public static func text(_ value: String) -> String {
        value.hasPrefix("u:") ? String(value.dropFirst(2)) : value
    }

    /// The raw stream data of object `reference`, decoded (qpdf --show-object --filtered-stream-data).
    public static func streamData(_ path: String, object reference: String) throws -> String {
        let number = reference.split(separator: " ")[0]
        return try TestSupport.run(["qpdf", "--show-object=\(number)", "--filtered-stream-data", path]).stdout
    }

    private mutating func walk(_ kids: Any?, depth: Int) {
        let list: [Any] = (kids as? [Any]) ?? (kids.map { [$0] } ?? [])
        for kid in list {
            guard let reference = kid as? String, let dict = object(reference) as? [String: Any],
                  (dict["/Type"] as? String) != "/OBJR", dict["/S"] != nil else { continue }
            var content: [(String, Int)] = []
            let children: [Any] = (dict["/K"] as? [Any]) ?? (dict["/K"].map { [$0] } ?? [])
            for child in children {
                if let mcr = child as? [String: Any], let mcid = mcr["/MCID"] as? Int, let page = mcr["/Pg"] as? String {
                    content.append((page, mcid))
                } else if let mcid = child as? Int, let page = dict["/Pg"] as? String {
                    content.append((page, mcid))
                }
            }
            let role = String((dict["/S"] as? String ?? "").dropFirst())
            elements.append(Element(role: role, dictionary: dict, depth: depth, content: content))
            walk(dict["/K"], depth: depth + 1)
        }
    }
}
