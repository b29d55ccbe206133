@testable import FolioModel
import FolioTestSupport
import Stencil
import XCTest

/// Templates are trimmed once when parsed (`TemplateTrimming`), not by Stencil at each render: the
/// text must come out exactly as Stencil's own `.smart` rendering gives it.
final class TemplateTrimmingTests: XCTestCase {
    static let parts = ["{% if shown %}", "{% endif %}", "{%- if shown -%}", "{%+ if shown +%}", "{% for x in items %}",
                        "{% endfor %}", "{{ name }}", "{{ x }}", "{# note #}", "\n", "\n\n", "  ", "\t", " text ", "word",
                        "\n  - item\n", "  \n", "-", "{%- endif %}", "{% endif -%}"]

    /// Random templates of tags, variables, comments, spaces and newlines in every order that parses.
    static func templates(count: Int) -> [String] {
        var random = SeededRandom(seed: 11)
        var result: [String] = []
        while result.count < count {
            var text = ""
            var open: [String] = []
            for _ in 0..<Int.random(in: 3...14, using: &random) {
                let part = parts.randomElement(using: &random)!
                if part.contains("endif") {
                    guard open.last == "if" else { continue }
                    open.removeLast()
                } else if part.contains("endfor") {
                    guard open.last == "for" else { continue }
                    open.removeLast()
                } else if part.contains("{{ x }}") {
                    guard open.contains("for") else { continue }
                } else if part.contains(" if ") {
                    open.append("if")
                } else if part.contains(" for ") {
                    open.append("for")
                }
                text += part
            }
            for block in open.reversed() { text += block == "if" ? "{% endif %}" : "\n{% endfor %}\n" }
            result.append(text)
        }
        return result
    }

    func testTrimmedOnceIsTrimmedAsStencilTrimsAtEachRender() throws {
        let engine = TemplateEngine()
        let stencil = Environment(trimBehaviour: .smart)
        let context: [String: Any] = ["shown": true, "name": "Ada", "items": [1, 2]]
        var trimmed = 0
        for template in Self.templates(count: 2000) {
            let expected = try stencil.renderTemplate(string: template, context: context)
            let source = TemplateSource(text: template, file: "t.md", line: 1)
            let actual = try engine.render(source, context: context)
            XCTAssertEqual(actual, expected, "template \(template.debugDescription)")
            let parsed = try engine.parse(source, marks: false)
            trimmed += parsed.tokens.filter { $0.kind == .text }.count
        }
        XCTAssertGreaterThan(trimmed, 2000, "templates with text around their tags")
        // And hidden: rendering no longer asks Stencil to trim any text node of these.
        let parsed = try engine.parse(TemplateSource(text: "a\n{% if shown %}\n  b  \n{% endif %}\n", file: "t.md", line: 1), marks: false)
        XCTAssertTrue(parsed.nodes.compactMap { $0 as? TextNode }.allSatisfy { $0.trimBehaviour == .nothing })
    }
}
