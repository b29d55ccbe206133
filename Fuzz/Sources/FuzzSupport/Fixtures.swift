import Foundation

/// Where the fuzzers pretend their input lives, so relative paths in it (data files, layouts,
/// briefings of a batch config) resolve to the repository's sample files.
public enum Fixtures {
    /// The repository root: `FOLIO_REPO`, else found from this source file (Fuzz/Sources/FuzzSupport/).
    public static let repository: String = {
        if let root = ProcessInfo.processInfo.environment["FOLIO_REPO"], !root.isEmpty { return root }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The sample's folder: `llama-data.yaml`, `llama-org.yaml` and `llama-timeline.yaml` are beside
    /// the (never written) input path.
    public static var briefingFolder: String { repository + "/Assets/briefings" }

    /// The path a fuzzed briefing is loaded under; no file is read or written there.
    public static var briefingPath: String { briefingFolder + "/fuzz-input.md" }

    /// The path a fuzzed batch config is loaded under (the repository root, like `reports.yaml`).
    public static var batchConfigPath: String { repository + "/fuzz-input.yaml" }

    /// A scratch file for rendered PDFs, private to this process, removed at exit.
    public static let scratchPDF: String = {
        let folder = NSTemporaryDirectory() + "folio-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "folio-fuzz-\(getpid())") }
        return folder + "/render.pdf"
    }()
}
