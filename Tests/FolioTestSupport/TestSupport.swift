import Foundation
import XCTest

/// Shared helpers for Folio's tests: paths, running commands, temporary folders.
public enum TestSupport {
    /// The repository root (found from this file's path).
    public static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public static var sampleBriefing: String { repoRoot.appendingPathComponent("Assets/briefings/llama-journey.md").path }

    /// The fontconfig file naming the font files reference images are drawn with (`Tests/Fonts/fonts.conf`).
    public static var pinnedFontsFile: String { repoRoot.appendingPathComponent("Tests/Fonts/fonts.conf").path }

    /// The environment that makes `folio` use only the pinned fonts: pass it to `folio(_:environment:)`
    /// for every render compared with a reference image.
    public static var pinnedFonts: [String: String] { ["FONTCONFIG_FILE": pinnedFontsFile] }

    /// The built `folio` executable beside the test bundle.
    public static var folioBinary: String {
        var candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent()) }
        candidates.append(repoRoot.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let path = folder.appendingPathComponent("folio").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return repoRoot.appendingPathComponent(".build/debug/folio").path
    }

    /// The result of running a command.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `arguments[0]` (searched on PATH) with the rest as arguments, in `directory`.
    @discardableResult
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes fully before waiting, so large output cannot block the child.
        // The group's wait orders the helper's write before the read below.
        nonisolated(unsafe) var outData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs the `folio` binary.
    @discardableResult
    public static func folio(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        try run([folioBinary] + arguments, in: directory, environment: environment)
    }

    /// A fresh empty folder, removed when the test ends.
    public static func temporaryFolder(for test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes `text` to `name` inside `folder` and returns its path.
    @discardableResult
    public static func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Files in `folder` (names only, sorted).
    public static func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// Text of a PDF through poppler's pdftotext, with hyphenated line ends joined and spaces collapsed.
    public static func pdfText(_ path: String) throws -> String {
        let result = try run(["pdftotext", "-enc", "UTF-8", path, "-"])
        guard result.status == 0 else { throw NSError(domain: "pdftotext", code: Int(result.status)) }
        return normalized(result.stdout)
    }

    /// Joins words split by a line-end hyphen and collapses whitespace, so searches span line breaks.
    public static func normalized(_ text: String) -> String {
        var joined = text.replacingOccurrences(of: "-\n", with: "")
        joined = joined.replacingOccurrences(of: "\u{2010}\n", with: "")
        return joined.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
