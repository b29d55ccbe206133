import FolioTestSupport
import Foundation
import XCTest

/// Templates, parameters and CSV data, end to end: the built `folio` run on briefings written
/// here, its PDFs read back with pdftotext.
final class TemplateTests: XCTestCase {
    /// A small layout: no cover, no contents (one page, fast).
    static let tinyLayout = "page: { size: A5 }\ncover: false\ntoc: false\n"

    func folder() throws -> URL {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write(Self.tinyLayout, to: "Layouts/tiny.yaml", in: folder)
        return folder
    }

    // MARK: One template, many reports

    /// Two regions of the sample report: each PDF holds its own figures and branches, not the other's.
    func testTwoRegionsHoldTheirOwnFiguresAndBranches() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let sample = TestSupport.repoRoot.appendingPathComponent("Assets/reports")
        let csv = try String(contentsOf: sample.appendingPathComponent("regions.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        let picked = [lines[0]] + lines.filter { $0.hasPrefix("Nordics,") || $0.hasPrefix("Benelux,") }
        XCTAssertEqual(picked.count, 3, "the sample has both regions")
        try TestSupport.write(picked.joined(separator: "\n") + "\n", to: "two.csv", in: folder)
        try TestSupport.write("""
        output: out
        matrix:
          - name: "report-{region}"
            sources: [\(sample.appendingPathComponent("quarterly.md").path)]
            rows: two.csv
        """, to: "batch.yaml", in: folder)
        let run = try TestSupport.folio(["batch", "batch.yaml", "--jobs", "2"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr + run.stdout)
        let nordics = TestSupport.normalized(try TestSupport.pdfText(folder.appendingPathComponent("out/report-Nordics.pdf").path))
        let benelux = TestSupport.normalized(try TestSupport.pdfText(folder.appendingPathComponent("out/report-Benelux.pdf").path))

        // Own figures in the text (the zone table lists both regions' raw numbers; the text formats its own).
        XCTAssertTrue(nordics.contains("Ingrid Solberg leads Nordics"), nordics)
        XCTAssertTrue(nordics.contains("€70,835"), nordics)
        XCTAssertFalse(nordics.contains("€61,695"), nordics)
        XCTAssertTrue(benelux.contains("Sanne de Vries leads Benelux"), benelux)
        XCTAssertTrue(benelux.contains("€61,695"), benelux)
        XCTAssertFalse(benelux.contains("€70,835"), benelux)
        XCTAssertFalse(benelux.contains("Ingrid Solberg leads"), benelux)
        // Branches: Nordics met its target, Benelux did not and shrank.
        XCTAssertTrue(nordics.contains("Target met"), nordics)
        XCTAssertFalse(nordics.contains("Below target"), nordics)
        XCTAssertFalse(nordics.contains("Watch:"), nordics)
        XCTAssertTrue(benelux.contains("Below target"), benelux)
        XCTAssertFalse(benelux.contains("Target met"), benelux)
        XCTAssertTrue(benelux.contains("Watch:"), benelux)
        // The PDF title and the chart change with the region.
        XCTAssertTrue(nordics.contains("Nordics: milestones of the year"), nordics)
        XCTAssertTrue(benelux.contains("Benelux: milestones of the year"), benelux)
        let info = try TestSupport.run(["pdfinfo", folder.appendingPathComponent("out/report-Benelux.pdf").path])
        XCTAssertTrue(info.stdout.contains("Benelux: quarterly report"), info.stdout)
    }

    // MARK: Errors at their line and column

    func assertCheckFails(_ files: [String: String], _ arguments: [String] = [], at expected: String, _ message: String,
                          hint: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try folder()
        for (name, text) in files { try TestSupport.write(text, to: name, in: folder) }
        for command in ["check", "render"] {
            let run = try TestSupport.folio([command, "brief.md"] + arguments, in: folder)
            XCTAssertEqual(run.status, 1, "\(command): " + run.stderr, file: file, line: line)
            let first = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
            XCTAssertTrue(first.hasPrefix("\(expected): error: "), "\(command): " + run.stderr, file: file, line: line)
            XCTAssertTrue(first.contains(message), "\(command): " + first, file: file, line: line)
            if let hint { XCTAssertTrue(run.stderr.contains(hint), run.stderr, file: file, line: line) }
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output").path), "nothing written",
                           file: file, line: line)
        }
    }

    static let head = "---\nlayout: tiny\nparams:\n  region: EMEA\n---\n\n# Report\n\n"

    func testUndefinedVariableInTheBody() throws {
        try assertCheckFails(["brief.md": Self.head + "Sales in {{ regoin }} rose.\n"], at: "brief.md:9:13",
                             "undefined variable 'regoin'", hint: "did you mean 'region'?")
    }

    func testMissingKeyOfAMapping() throws {
        try assertCheckFails(["brief.md": Self.head + "Owner:\n{{ page.ownr }}\n"], at: "brief.md:10:4", "'page' has no 'ownr'")
    }

    func testDefaultFilterAllowsAnUndefinedVariable() throws {
        let folder = try folder()
        try TestSupport.write(Self.head + "Owner: {{ page.owner|default:\"nobody\" }} in {{ region }}.\n", to: "brief.md", in: folder)
        let run = try TestSupport.folio(["render", "brief.md", "-o", "b.pdf"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try TestSupport.pdfText(folder.appendingPathComponent("b.pdf").path).contains("Owner: nobody in EMEA."))
    }

    func testUnknownFilter() throws {
        try assertCheckFails(["brief.md": Self.head + "A\nB {{ region|lowercas }}\n"], at: "brief.md:10:13",
                             "unknown filter 'lowercas'", hint: "did you mean 'lowercase'?")
    }

    func testUnclosedTag() throws {
        try assertCheckFails(["brief.md": Self.head + "Text\n\n  {% for x in tables.none %}\n- item\n"], at: "brief.md:11:3",
                             "unclosed tag: 'endfor' is missing")
    }

    func testUnclosedVariable() throws {
        try assertCheckFails(["brief.md": Self.head + "Text {{ region\n\nMore text.\n"], at: "brief.md:9:6", "unclosed '{{'")
    }

    func testSyntaxErrorUnknownTag() throws {
        try assertCheckFails(["brief.md": Self.head + "{% fro x in y %}\n"], at: "brief.md:9:4", "unknown tag 'fro'",
                             hint: "did you mean 'for'?")
    }

    func testErrorInTheFrontMatter() throws {
        try assertCheckFails(["brief.md": "---\nlayout: tiny\ntitle: \"Report for {{ regio }}\"\nparams: { region: EMEA }\n---\n\nText\n"],
                             at: "brief.md:3:23", "undefined variable 'regio'", hint: "did you mean 'region'?")
    }

    func testErrorInAFence() throws {
        let body = Self.head + "Text\n\n```table\nuse: kpis\nwhere: { region: \"{{ region|upper }}\" }\n```\n"
        try assertCheckFails(["brief.md": body.replacingOccurrences(of: "# Report", with: "# Report"),
                              "kpis.csv": "region,value\nEMEA,1\n"],
                             at: "brief.md:13:29", "unknown filter 'upper'", hint: "did you mean 'uppercase'?")
    }

    func testErrorInADataFile() throws {
        let head = Self.head.replacingOccurrences(of: "layout: tiny", with: "layout: tiny\ndata: extra.yaml")
        try assertCheckFails(["brief.md": head + "Text\n",
                              "extra.yaml": "tables:\n  t:\n    title: \"Sales in {{ reigon }}\"\n    columns: [a]\n"],
                             at: "extra.yaml:3:25", "undefined variable 'reigon'", hint: "did you mean 'region'?")
    }

    func testTemplatesCannotReadFiles() throws {
        try assertCheckFails(["brief.md": Self.head + "{% include \"secret.md\" %}\n", "secret.md": "secret"],
                             at: "brief.md:9:1", "templates cannot read files")
    }

    func testMarkdownErrorsAfterALoopKeepSourceLines() throws {
        // The loop writes ten lines from three; the misspelt fence is still reported at line 14.
        let body = Self.head + "{% for x in \"a,b,c,d,e\"|split:\",\" %}\n- item {{ x }}\n  more {{ x }}\n{% endfor %}\n\n  ```timelne\n  x\n  ```\n"
        try assertCheckFails(["brief.md": body], at: "brief.md:14:3", "unknown fence 'timelne'")
    }

    // MARK: Filters and fences

    func testFiltersFormatForTheLanguage() throws {
        let folder = try folder()
        let text = "---\nlayout: tiny\nlang: LANG\nparams: { x: 1234567.891 }\n---\n\n# T\n\n"
            + "A {{ x|number:2 }} B {{ 0.231|percent:1 }} C {{ 1250|currency:\"EUR\",0 }} D {{ \"2025-11-01\"|date }} E {{ \"2025-11\"|date }}\n"
        var outputs: [String: String] = [:]
        for lang in ["en", "de"] {
            try TestSupport.write(text.replacingOccurrences(of: "LANG", with: lang), to: "\(lang).md", in: folder)
            let run = try TestSupport.folio(["render", "\(lang).md", "-o", "\(lang).pdf"], in: folder)
            XCTAssertEqual(run.status, 0, run.stderr)
            outputs[lang] = TestSupport.normalized(try TestSupport.pdfText(folder.appendingPathComponent("\(lang).pdf").path))
        }
        XCTAssertTrue(outputs["en"]?.contains("A 1,234,567.89 B 23.1% C €1,250 D November 1, 2025 E November 2025") == true, outputs["en"] ?? "")
        XCTAssertTrue(outputs["de"]?.contains("A 1.234.567,89 B 23,1 % C 1.250 € D 1. November 2025 E November 2025") == true, outputs["de"] ?? "")
    }

    func testTimelineFenceWhereTakesALaneFromAParameter() throws {
        let folder = try folder()
        try TestSupport.write("""
        timelines:
          t:
            lanes: [Meta, Industry]
            events:
              - { date: 2023-02, label: "Llama one", lane: Meta }
              - { date: 2024-09, label: "Reasoning model", lane: Industry }
        """, to: "t.yaml", in: folder)
        try TestSupport.write(Self.head.replacingOccurrences(of: "region: EMEA", with: "lane: Industry")
            .replacingOccurrences(of: "layout: tiny", with: "layout: tiny\ndata: t.yaml") + "```timeline\nuse: t\nwhere: { lane: \"{{ lane }}\" }\n```\n",
            to: "brief.md", in: folder)
        let run = try TestSupport.folio(["render", "brief.md", "-o", "b.pdf"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try TestSupport.pdfText(folder.appendingPathComponent("b.pdf").path)
        XCTAssertTrue(text.contains("Reasoning model"), text)
        XCTAssertFalse(text.contains("Llama one"), text)
        let bad = try TestSupport.folio(["check", "brief.md", "--param", "lane=Industri"], in: folder)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("brief.md:12:16: error: unknown lane 'Industri'"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("did you mean 'Industry'?"), bad.stderr)
    }

    // MARK: CSV

    func testCSVEdgeCases() throws {
        let folder = try folder()
        // A BOM, CRLF line ends, quoted commas, quotes and a newline, numbers as numbers, zeros kept in '007'.
        let csv = "\u{FEFF}name,amount,code,note\r\n\"Smith, Jane\",1200.5,007,\"She said \"\"yes\"\"\"\r\n"
            + "Lee,99,010,\"two\r\nlines\"\r\nNg,-3,5,plain\r\n"
        try TestSupport.write(csv, to: "people.csv", in: folder)
        try TestSupport.write("""
        ---
        layout: tiny
        data: people.csv
        ---

        # People

        {% for p in tables.people %}
        - {{ p.name }} / {{ p.code }} / {{ p.note }}{% if p.amount > 100 %} / large{% endif %}
        {% endfor %}

        Total {{ tables.people|sum:"amount"|number:1 }}; rows {{ tables.people|count }}; first {{ tables.people.0.name }}.
        """, to: "brief.md", in: folder)
        let run = try TestSupport.folio(["render", "brief.md", "-o", "b.pdf"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = TestSupport.normalized(try TestSupport.pdfText(folder.appendingPathComponent("b.pdf").path))
        XCTAssertTrue(text.contains("Smith, Jane / 007 / She said \"yes\" / large"), text)
        XCTAssertTrue(text.contains("Lee / 010 / two lines"), text)
        XCTAssertFalse(text.contains("Lee / 010 / two lines / large"), "99 is not above 100: compared as numbers")
        XCTAssertTrue(text.contains("Ng / 5 / plain"), text)
        XCTAssertTrue(text.contains("Total 1,296.5; rows 3; first Smith, Jane."), text)
    }

    func testRaggedCSVRowIsAnErrorAtItsLine() throws {
        try assertCheckFails(["brief.md": "---\nlayout: tiny\ndata: t.csv\n---\n\nText\n", "t.csv": "a,b\n1,2\n\"x\ny\",3\n4,5,6\n"],
                             at: "t.csv:5:1", "row has 3 cells but the header names 2 columns")
    }

    func testTableFenceFiltersPicksAndSorts() throws {
        let folder = try folder()
        try TestSupport.write("region,metric,value\nEMEA,Revenue,10\nAPAC,Revenue,99\nEMEA,Margin,30\nEMEA,Cost,2\n", to: "kpis.csv", in: folder)
        try TestSupport.write(Self.head.replacingOccurrences(of: "layout: tiny", with: "layout: tiny\ndata: kpis.csv") + """
        ```table
        use: kpis
        where: { region: "{{ region }}" }
        columns: [value, metric]
        sort: -value
        ```
        """, to: "brief.md", in: folder)
        let run = try TestSupport.folio(["render", "brief.md", "-o", "b.pdf"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try TestSupport.pdfText(folder.appendingPathComponent("b.pdf").path)
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        XCTAssertEqual(words.filter { ["value", "metric", "30", "Margin", "10", "Revenue", "2", "Cost", "99", "region", "APAC"].contains($0) },
                       ["value", "metric", "30", "Margin", "10", "Revenue", "2", "Cost"], text)
    }

    // MARK: Parameters

    /// default < --param < a batch job's params.
    func testParamPrecedence() throws {
        let folder = try folder()
        try TestSupport.write(Self.head + "Region is {{ region }}.\n", to: "brief.md", in: folder)
        let plain = try TestSupport.folio(["render", "brief.md", "-o", "a.pdf"], in: folder)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(try TestSupport.pdfText(folder.appendingPathComponent("a.pdf").path).contains("Region is EMEA."))
        let param = try TestSupport.folio(["render", "brief.md", "-o", "b.pdf", "--param", "region=APAC"], in: folder)
        XCTAssertEqual(param.status, 0, param.stderr)
        XCTAssertTrue(try TestSupport.pdfText(folder.appendingPathComponent("b.pdf").path).contains("Region is APAC."))

        try TestSupport.write("""
        output: out
        jobs:
          - { name: job, source: brief.md, params: { region: LATAM } }
          - { name: plain, source: brief.md }
        """, to: "batch.yaml", in: folder)
        let batch = try TestSupport.folio(["batch", "batch.yaml"], in: folder)
        XCTAssertEqual(batch.status, 0, batch.stderr + batch.stdout)
        XCTAssertTrue(try TestSupport.pdfText(folder.appendingPathComponent("out/job.pdf").path).contains("Region is LATAM."))
        XCTAssertTrue(try TestSupport.pdfText(folder.appendingPathComponent("out/plain.pdf").path).contains("Region is EMEA."))
        // check CONFIG --param: the job's own value still wins, the other job takes the --param.
        let check = try TestSupport.folio(["check", "batch.yaml", "--param", "region=X"], in: folder)
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    func testUndeclaredParameters() throws {
        try assertCheckFails(["brief.md": Self.head + "Text\n"], ["--param", "regoin=X"], at: "<--param regoin>:1:1",
                             "undeclared parameter 'regoin'", hint: "did you mean 'region'?")
        let folder = try folder()
        try TestSupport.write(Self.head + "Text\n", to: "brief.md", in: folder)
        try TestSupport.write("output: out\njobs:\n  - name: a\n    source: brief.md\n    params: { reigon: X }\n", to: "batch.yaml", in: folder)
        let check = try TestSupport.folio(["check", "batch.yaml"], in: folder)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("batch.yaml:3:11: error: job 'a' would fail"), check.stderr)
        XCTAssertTrue(check.stderr.contains("batch.yaml:5:15: error: undeclared parameter 'reigon'"), check.stderr)
        XCTAssertTrue(check.stderr.contains("did you mean 'region'?"), check.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "check builds nothing")
    }

    func testCheckReportsEveryFailingJob() throws {
        let folder = try folder()
        try TestSupport.write(Self.head + "{{ region|number }}\n", to: "brief.md", in: folder)
        try TestSupport.write("region\nEMEA\n12\nAPAC\n", to: "rows.csv", in: folder)
        try TestSupport.write("output: out\nmatrix:\n  - name: \"r-{region}\"\n    sources: [brief.md]\n    rows: rows.csv\n",
                              to: "batch.yaml", in: folder)
        let check = try TestSupport.folio(["check", "batch.yaml"], in: folder)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("batch.yaml:3:11: error: job 'r-EMEA' would fail"), check.stderr)
        XCTAssertTrue(check.stderr.contains("batch.yaml:3:11: error: job 'r-APAC' would fail"), check.stderr)
        XCTAssertFalse(check.stderr.contains("job 'r-12' would fail"), check.stderr)
    }

    /// Every job of a matrix renders the same parsed template (one parse per process): each job
    /// still gets its own values and loop rows, and an error that only one job meets points where
    /// it is written.
    func testParsedTemplateSharedByJobsKeepsValuesAndErrorPositions() throws {
        let folder = try folder()
        try TestSupport.write("""
        ---
        layout: tiny
        data: rows.csv
        params:
          region: EMEA
          size: 0
        ---

        # Report

        {% if region == "APAC" %}
        {{ regoin }}
        {% endif %}
        In {{ region }}.
        {% for r in tables.rows where r.region == region and r.size > 1 %}
        - Seen {{ r.region }} of size {{ r.size }}
        {% endfor %}

        """, to: "brief.md", in: folder)
        try TestSupport.write("region,size\nEMEA,5\nAPAC,2\nLATAM,1\n", to: "rows.csv", in: folder)
        try TestSupport.write("output: out\nmatrix:\n  - name: \"r-{region}\"\n    sources: [brief.md]\n    rows: rows.csv\n",
                              to: "batch.yaml", in: folder)
        let run = try TestSupport.folio(["batch", "batch.yaml", "--jobs", "2"], in: folder)
        XCTAssertEqual(run.status, 1, run.stderr + run.stdout)
        XCTAssertTrue(run.stderr.contains("brief.md:12:4: error: undefined variable 'regoin'"), run.stderr + run.stdout)
        let emea = TestSupport.normalized(try TestSupport.pdfText(folder.appendingPathComponent("out/r-EMEA.pdf").path))
        let latam = TestSupport.normalized(try TestSupport.pdfText(folder.appendingPathComponent("out/r-LATAM.pdf").path))
        XCTAssertTrue(emea.contains("In EMEA."), emea)
        XCTAssertTrue(emea.contains("Seen EMEA of size 5"), emea)
        XCTAssertFalse(emea.contains("LATAM"), emea)
        XCTAssertTrue(latam.contains("In LATAM."), latam)
        XCTAssertFalse(latam.contains("Seen"), latam) // LATAM's size is 1
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/r-APAC.pdf").path))
    }

    // MARK: Incremental builds

    /// Changing one CSV row rebuilds only the reports that read it.
    func testOneChangedRowRebuildsOnlyItsReports() throws {
        let folder = try folder()
        try TestSupport.write("region,value\nEMEA,1\nAPAC,2\nLATAM,3\n", to: "kpis.csv", in: folder)
        try TestSupport.write("region\nEMEA\nAPAC\nLATAM\n", to: "regions.csv", in: folder)
        try TestSupport.write(Self.head.replacingOccurrences(of: "layout: tiny", with: "layout: tiny\ndata: kpis.csv") + """
        {% for row in tables.kpis where row.region == region %}
        Value {{ row.value }} in {{ region }}.
        {% endfor %}
        """, to: "brief.md", in: folder)
        try TestSupport.write("output: out\nmatrix:\n  - name: \"r-{region}\"\n    sources: [brief.md]\n    rows: regions.csv\n",
                              to: "batch.yaml", in: folder)
        let first = try TestSupport.folio(["batch", "batch.yaml"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr + first.stdout)
        XCTAssertTrue(first.stdout.contains("3 built"), first.stdout)
        let again = try TestSupport.folio(["batch", "batch.yaml"], in: folder)
        XCTAssertTrue(again.stdout.contains("0 built, 3 skipped"), again.stdout)

        try TestSupport.write("region,value\nEMEA,1\nAPAC,20\nLATAM,3\n", to: "kpis.csv", in: folder)
        let changed = try TestSupport.folio(["batch", "batch.yaml"], in: folder)
        XCTAssertEqual(changed.status, 0, changed.stderr + changed.stdout)
        XCTAssertTrue(changed.stdout.contains("built r-APAC"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("1 built, 2 skipped"), changed.stdout)
        XCTAssertTrue(try TestSupport.pdfText(folder.appendingPathComponent("out/r-APAC.pdf").path).contains("Value 20 in APAC."))

        // A new row may match any report's filter: every report reads the region column, so all rebuild.
        try TestSupport.write("region,value\nEMEA,1\nAPAC,20\nLATAM,3\nEMEA,4\n", to: "kpis.csv", in: folder)
        let added = try TestSupport.folio(["batch", "batch.yaml"], in: folder)
        XCTAssertTrue(added.stdout.contains("3 built"), added.stdout)
        XCTAssertTrue(try TestSupport.pdfText(folder.appendingPathComponent("out/r-EMEA.pdf").path).contains("Value 4 in EMEA."))
    }
}
