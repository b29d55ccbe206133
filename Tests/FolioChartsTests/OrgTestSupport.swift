@testable import FolioCharts
import FolioDisplay
@testable import FolioModel
import FolioTestSupport

/// The shared SplitMix64 generator, under the name the org tests use.
typealias OrgSeededRandom = SeededRandom

/// Builders shared by the org chart tests.
enum OrgFixtures {
    static let file = "test.yaml"

    /// A random org of `count` nodes: each node reports to an earlier one (or is a root), with
    /// names and titles of random length; `leafy` makes wide flat teams likely.
    static func randomOrg(count: Int, rng: inout OrgSeededRandom, roots: Int = 1, leafy: Bool = true) -> Org {
        let words = ["Ana", "Research", "Platform", "Li", "Operations", "Infrastructure and Datacenters", "Jo",
                     "Chief Scientist", "Product", "VP", "Fundamental AI Research", "GenAI", "Q"]
        var nodes: [Org.Node] = []
        for index in 0..<count {
            var parent: String?
            if index >= roots {
                // Prefer recent nodes (deep trees) or a few hubs (wide teams).
                let pick = leafy && Bool.random(using: &rng) ? Int.random(in: 0..<min(index, 1 + index / 8), using: &rng)
                                                            : Int.random(in: max(0, index - 6)..<index, using: &rng)
                parent = "n\(pick)"
            }
            let name = (0..<Int.random(in: 1...3, using: &rng)).map { _ in words.randomElement(using: &rng) ?? "X" }.joined(separator: " ")
            let title: String? = Bool.random(using: &rng) ? words.randomElement(using: &rng) : nil
            let status = OrgStatus.allCases.randomElement(using: &rng) ?? .active
            nodes.append(Org.Node(id: "n\(index)", name: name, title: title, parent: parent, status: status,
                                  note: Int.random(in: 0..<10, using: &rng) == 0 ? "A longer note that will need to wrap onto lines" : nil,
                                  location: SourceLocation.start(of: file)))
        }
        return Org(id: "random", title: "Random", date: nil, nodes: nodes, links: [])
    }

    /// An org from `(id, name, title, parent)` tuples.
    static func org(_ id: String, _ rows: [(String, String, String?, String?)], links: [Org.Link] = []) -> Org {
        Org(id: id, title: id, date: nil, nodes: rows.map {
            Org.Node(id: $0.0, name: $0.1, title: $0.2, parent: $0.3, status: .active, note: nil, location: .start(of: file))
        }, links: links)
    }

    /// The org specs of a data file's YAML text.
    static func orgs(_ yaml: String) throws -> [String: YAMLSpec] {
        let root = try YAMLParsing.parse(yaml, file: file)
        var specs: [String: YAMLSpec] = [:]
        for (key, value) in try root.fields("a data file", allowed: ["orgs"]).required("orgs").mapping() {
            let id = try key.string()
            specs[id] = YAMLSpec(id: id, value: value)
        }
        return specs
    }

    /// An `orgchart` fence whose body starts on line 10 of `brief.md`.
    static func fence(_ body: String, id: String = "orgchart-1") -> ChartBlock {
        ChartBlock(kind: .orgchart, id: id, body: body, bodyLocation: SourceLocation(file: "brief.md", line: 10, column: 1))
    }
}
