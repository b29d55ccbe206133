@testable import FolioModel
import FolioTestSupport
import XCTest

/// `folio render FILE …` and `folio charts FILE …` start loading FILE with default options before the
/// command line is parsed (`BriefingPreload.speculate`); a command whose options change the loading
/// must get what it asked for, never the guess.
final class SpeculativePreloadTests: XCTestCase {
    private let briefing = """
        ---
        title: Guessed
        params:
          region: EMEA
        ---
        # Report for {{ region }}

        Plain text.
        """

    func testOptionsAfterTheSourceAreHonoured() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try TestSupport.write(briefing, to: "doc.md", in: folder)
        let plain = folder.appendingPathComponent("plain.pdf").path
        XCTAssertEqual(try TestSupport.folio(["render", source, "-o", plain]).status, 0)
        XCTAssertTrue(try TestSupport.pdfText(plain).contains("Report for EMEA"))
        // The guess (default options) must not be used for any of these.
        let param = folder.appendingPathComponent("param.pdf").path
        let run = try TestSupport.folio(["render", source, "--param", "region=APAC", "-o", param])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try TestSupport.pdfText(param)
        XCTAssertTrue(text.contains("Report for APAC") && !text.contains("EMEA"), text)
        let set = folder.appendingPathComponent("set.pdf").path
        XCTAssertEqual(try TestSupport.folio(["render", source, "--set", "title=Chosen", "-o", set]).status, 0)
        let info = try TestSupport.run(["pdfinfo", set])
        XCTAssertTrue(info.stdout.contains("Chosen") && !info.stdout.contains("Guessed"), info.stdout)
        let strict = try TestSupport.folio(["render", source, "--strict", "--param", "region=APAC", "-o", param])
        XCTAssertEqual(strict.status, 0, strict.stderr)
    }

    func testAnArgumentThatIsNotARegularFileIsNotRead() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        // A folder named first: the guess skips it; the command reports it as usual.
        let run = try TestSupport.folio(["render", folder.path, "-o", folder.appendingPathComponent("x.pdf").path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(TestSupport.files(in: folder).isEmpty, "nothing written")
    }

    func testEveryLoadOptionCountsInTheComparison() {
        let plain = LoadOptions()
        XCTAssertEqual(plain, LoadOptions())
        var changed: [LoadOptions] = []
        changed.append(LoadOptions(layout: "landscape"))
        changed.append(LoadOptions(settings: [(key: "title", value: "X")]))
        changed.append(LoadOptions(params: [try! ParamSetting.parse(key: "region", yaml: "APAC")]))
        var strict = LoadOptions()
        strict.strict = true
        changed.append(strict)
        var standard = LoadOptions()
        standard.pdfStandards = ["ua-1"]
        changed.append(standard)
        for options in changed { XCTAssertNotEqual(options, plain) }
        XCTAssertNotEqual(LoadOptions(settings: [(key: "title", value: "X")]), LoadOptions(settings: [(key: "title", value: "Y")]))
    }
}
