import Folio
import FolioTestSupport
import Foundation
import XCTest

/// Outputs: every write checked, a failed write never replaces a good file, and nothing that is
/// not Folio's (a device, a FIFO, a symlink) is ever replaced.
final class OutputSafetyTests: XCTestCase {
    /// A small briefing and a folder to write into.
    func fixture() throws -> (folder: URL, source: String) {
        let folder = try TestSupport.temporaryFolder(for: self)
        let source = try TestSupport.write("# Small\n\nHello.\n", to: "small.md", in: folder)
        return (folder, source)
    }

    func hiddenTemporaries(in folder: URL) -> [String] {
        TestSupport.files(in: folder).filter { $0.contains(".tmp-") }
    }

    func testFullDiskKeepsTheGoodFileAndNamesTheOutput() throws {
        let (folder, source) = try fixture()
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try TestSupport.run(["mount", "-t", "tmpfs", "-o", "size=100k", "tmpfs", disk.path])
        guard mount.status == 0 else { throw XCTSkip("cannot mount a tmpfs here (needs root): \(mount.stderr)") }
        defer { _ = try? TestSupport.run(["umount", disk.path]) }

        let target = disk.appendingPathComponent("report.pdf").path
        let good = try TestSupport.folio(["render", source, "-o", target])
        XCTAssertEqual(good.status, 0, good.stderr)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))

        // The sample briefing's PDF (about 136 KB) cannot fit in what is left of 100 KB.
        let run = try TestSupport.folio(["render", TestSupport.sampleBriefing, "-o", target])
        XCTAssertEqual(run.status, 1, run.stdout)
        XCTAssertTrue(run.stderr.contains("cannot write '\(target)': No space left on device"), run.stderr)
        XCTAssertFalse(run.stdout.contains("wrote"), run.stdout)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), before, "the good file was replaced")
        XCTAssertEqual(hiddenTemporaries(in: disk), [])
    }

    func testFailingWriterNeverReplacesTheExistingPDF() throws {
        let (folder, source) = try fixture()
        let target = folder.appendingPathComponent("report.pdf").path
        let renderer = try Renderer()
        _ = try renderer.render(source: source, options: RenderOptions(output: target))
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        XCTAssertGreaterThan(before.count, 2_000)

        renderer.outputFilter = { FailingSink(wrapping: $0, failingAfter: 1_000) }
        XCTAssertThrowsError(try renderer.render(source: TestSupport.sampleBriefing, options: RenderOptions(output: target))) { error in
            XCTAssertTrue(error is OutputError, "\(error)")
            XCTAssertTrue("\(error)".contains("injected failure"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), before)
        XCTAssertEqual(hiddenTemporaries(in: folder), [])
    }

    func testFailingWriterLeavesEveryEarlierPNGPageInPlace() throws {
        let (folder, source) = try fixture()
        let pages = folder.appendingPathComponent("pages")
        let renderer = try Renderer()
        let first = try renderer.render(source: source, options: RenderOptions(format: .png, output: pages.path, dpi: 30))
        let before = try first.files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }

        // Every page fails after 200 bytes: the set is all or nothing.
        renderer.outputFilter = { FailingSink(wrapping: $0, failingAfter: 200) }
        XCTAssertThrowsError(try renderer.render(source: source, options: RenderOptions(format: .png, output: pages.path, dpi: 30)))
        XCTAssertEqual(try first.files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }, before)
        XCTAssertEqual(hiddenTemporaries(in: pages), [])
    }

    func testDeviceNodeOutputIsWrittenThroughNotReplaced() throws {
        let (folder, source) = try fixture()
        let node = folder.appendingPathComponent("null").path
        let made = try TestSupport.run(["mknod", node, "c", "1", "3"])
        guard made.status == 0 else { throw XCTSkip("mknod needs root: \(made.stderr)") }
        let run = try TestSupport.folio(["render", source, "-o", node])
        XCTAssertEqual(run.status, 0, run.stderr)
        var status = stat()
        XCTAssertEqual(lstat(node, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFCHR, "the device node was replaced")
        XCTAssertEqual(hiddenTemporaries(in: folder), [])
    }

    func testFIFOOutputIsWrittenThroughToItsReader() throws {
        let (folder, source) = try fixture()
        let fifo = folder.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let received = folder.appendingPathComponent("received.pdf").path
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo, received]
        try reader.run()
        let run = try TestSupport.folio(["render", source, "-o", fifo])
        reader.waitUntilExit()
        XCTAssertEqual(run.status, 0, run.stderr)
        var status = stat()
        XCTAssertEqual(lstat(fifo, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "the FIFO was replaced")
        let info = try TestSupport.run(["pdfinfo", received])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertTrue(info.stdout.contains("Pages:"), info.stdout)
    }

    func testSymlinkOutputReplacesItsTargetAndKeepsTheLink() throws {
        let (folder, source) = try fixture()
        let targets = folder.appendingPathComponent("targets")
        try FileManager.default.createDirectory(at: targets, withIntermediateDirectories: true)
        let target = targets.appendingPathComponent("real.pdf").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder.appendingPathComponent("link.pdf").path
        XCTAssertEqual(symlink("targets/real.pdf", link), 0)

        let run = try TestSupport.folio(["render", source, "-o", link])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "targets/real.pdf", "the link was replaced")
        XCTAssertTrue(try Data(contentsOf: URL(fileURLWithPath: target)).starts(with: Data("%PDF".utf8)))
        XCTAssertEqual(hiddenTemporaries(in: folder) + hiddenTemporaries(in: targets), [])
    }

    func testPDFToStandardOutput() throws {
        let (folder, source) = try fixture()
        let run = try TestSupport.run(["sh", "-c", "\"$0\" render \"$1\" -o - > \"$2\"", TestSupport.folioBinary, source,
                                       folder.appendingPathComponent("piped.pdf").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("wrote standard output"), run.stderr)
        let info = try TestSupport.run(["pdfinfo", folder.appendingPathComponent("piped.pdf").path])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertEqual(TestSupport.files(in: folder).filter { $0 != "small.md" && $0 != "piped.pdf" }, [], "no file named '-'")
    }

    func testPagesToStandardOutputAreAUsageError() throws {
        let (_, source) = try fixture()
        for format in ["png", "svg"] {
            let run = try TestSupport.folio(["render", source, "--format", format, "-o", "-"])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("standard output"), run.stderr)
        }
        let charts = try TestSupport.folio(["charts", TestSupport.sampleBriefing, "-o", "-"])
        XCTAssertEqual(charts.status, 2, charts.stderr)
    }

    func testBriefingFromStandardInputWithPathsFromTheCurrentFolder() throws {
        let folder = try TestSupport.temporaryFolder(for: self)
        try TestSupport.write("timelines:\n  t:\n    events:\n      - { date: 2024-01, label: Start }\n", to: "data/t.yaml", in: folder)
        try TestSupport.write("---\ntitle: Piped\ndata: data/t.yaml\n---\n# Piped\n\n```timeline\nuse: t\n```\n", to: "in.md", in: folder)
        let run = try TestSupport.run(["sh", "-c", "\"$0\" render - -o out.pdf < in.md", TestSupport.folioBinary], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try TestSupport.pdfText(folder.appendingPathComponent("out.pdf").path).contains("Piped"))

        try TestSupport.write("# Bad\n\n```timeline\nuse: nope\n```\n", to: "bad.md", in: folder)
        let bad = try TestSupport.run(["sh", "-c", "\"$0\" render - -o bad.pdf < bad.md", TestSupport.folioBinary], in: folder)
        XCTAssertEqual(bad.status, 1, bad.stderr)
        XCTAssertTrue(bad.stderr.hasPrefix("<stdin>:4:"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.pdf").path))
    }

    func testStaleTemporaryOfADeadProcessIsRemovedOnTheNextRun() throws {
        let (folder, source) = try fixture()
        // A process that has exited: its id is free (until reused, which a few ms make unlikely).
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let stale = folder.appendingPathComponent(".small.pdf.tmp-\(dead.processIdentifier)-42")
        let live = folder.appendingPathComponent(".other.pdf.tmp-\(getpid())-7")
        try Data("partial".utf8).write(to: stale)
        try Data("in use".utf8).write(to: live)
        let run = try TestSupport.folio(["render", source, "-o", folder.appendingPathComponent("small.pdf").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path), "the dead process's temporary stays")
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path), "a running process's temporary was removed")
    }

    func testFontCacheIsInTheUsersCacheFolderWithMode0700() throws {
        let (folder, source) = try fixture()
        let cache = folder.appendingPathComponent("xdg-cache")
        let run = try TestSupport.folio(["render", source, "-o", folder.appendingPathComponent("a.pdf").path],
                                        environment: ["XDG_CACHE_HOME": cache.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        var status = stat()
        XCTAssertEqual(lstat(cache.appendingPathComponent("folio").path, &status), 0, "no cache folder under XDG_CACHE_HOME")
        XCTAssertEqual(status.st_mode & 0o777, 0o700)

        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let second = try TestSupport.folio(["render", source, "-o", folder.appendingPathComponent("b.pdf").path],
                                           environment: ["XDG_CACHE_HOME": "", "HOME": home.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(lstat(home.appendingPathComponent(".cache/folio").path, &status), 0, "no cache folder under HOME")
        XCTAssertEqual(status.st_mode & 0o777, 0o700)
    }
}
