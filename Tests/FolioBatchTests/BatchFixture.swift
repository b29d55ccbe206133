import Foundation
import XCTest
import FolioTestSupport

/// A temporary folder with tiny briefings and a batch config, for the batch tests.
struct BatchFixture {
    let folder: URL
    var output: URL { folder.appendingPathComponent("out") }

    init(for test: XCTestCase) throws {
        folder = try TestSupport.temporaryFolder(for: test)
    }

    /// A one-section briefing in the small `tiny` layout (one page, fast to build).
    @discardableResult
    func briefing(_ name: String, text: String = "Some text.") throws -> String {
        try TestSupport.write("""
        ---
        title: "\(name)"
        layout: tiny
        ---

        # \(name)

        \(text)
        """, to: "docs/\(name).md", in: folder)
    }

    /// The small layout the briefings use: no cover, no contents.
    func layout() throws {
        try TestSupport.write("""
        page: { size: A5 }
        cover: false
        toc: false
        """, to: "docs/Layouts/tiny.yaml", in: folder)
    }

    /// `count` briefings `doc-01` … and a config building each as PDF.
    @discardableResult
    func simpleBatch(count: Int, extraJobs: String = "") throws -> String {
        try layout()
        var jobs = ""
        for index in 1...count {
            let name = String(format: "doc-%02d", index)
            try briefing(name)
            jobs += "  - { name: \(name), source: docs/\(name).md }\n"
        }
        return try config("output: out\njobs:\n" + jobs + extraJobs)
    }

    @discardableResult
    func config(_ text: String) throws -> String {
        try TestSupport.write(text, to: "batch.yaml", in: folder)
    }

    /// Runs `folio batch batch.yaml ARGS` in the fixture's folder.
    func batch(_ arguments: [String] = []) throws -> TestSupport.Run {
        try TestSupport.folio(["batch", "batch.yaml"] + arguments, in: folder)
    }

    /// Every file under the fixture's folder (relative paths, sorted), hidden ones included.
    func allFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            if !isFolder.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// Job names from the lines of `run.stdout` that start with `prefix` (`built `, `skipped `).
    static func names(_ run: TestSupport.Run, _ prefix: String) -> [String] {
        run.stdout.split(separator: "\n").compactMap { line in
            guard line.hasPrefix(prefix) else { return nil }
            let rest = line.dropFirst(prefix.count)
            return String(rest.prefix { $0 != ":" && $0 != " " })
        }.sorted()
    }
}
