// Renders a small quarterly note from strings to a PDF in memory, then writes it (or prints the
// first error at its FILE:LINE:COLUMN). Usage: folio-memory-example OUTPUT.pdf [REGION]
import Folio
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: folio-memory-example OUTPUT.pdf [REGION]\n".utf8))
    exit(2)
}
let region = arguments.count >= 3 ? arguments[2] : "EMEA"

let briefing = """
---
title: "Quarterly note: {{ region }}"
date: 2026-01-15
params: { region: EMEA }
data: [sales.csv]
---

# Sales in {{ region }}

{% for row in tables.sales where row.region == region %}
- {{ row.quarter }}: {{ row.revenue | number }} units
{% endfor %}
"""
let sales = """
region,quarter,revenue
EMEA,Q1,1200
EMEA,Q2,1350
APAC,Q1,900
APAC,Q2,1010
"""

do {
    let renderer = try Renderer()
    let input = BriefingInput(name: "note.md", text: briefing, files: ["sales.csv": Data(sales.utf8)],
                              load: LoadOptions(params: [try ParamSetting.parse(key: "region", yaml: region)]))
    let document = try renderer.render(input, format: .pdf)
    for warning in document.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
    try document.files[0].write(to: URL(fileURLWithPath: arguments[1]))
    print("wrote \(arguments[1]) (\(document.pageCount) pages, \(document.files[0].count) bytes)")
} catch let diagnostic as Diagnostic {
    FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("folio-memory-example: error: \(error)\n".utf8))
    exit(1)
}
