import Foundation
import Folio
import FolioModel

/// The batch's output folder: keeps every write inside it and sweeps up what killed runs left.
public struct OutputFolder: Sendable {
    /// The folder as the config names it.
    public let path: String
    /// Its real path (symlinks resolved), the boundary no output may cross.
    public let realPath: String
    /// Where chart jobs write before renaming into place: `OUTPUT/.folio-staging/`.
    public var staging: String { Paths.join(path, ".folio-staging") }

    /// The folder at `path`, created when missing if `create` is set.
    public init(_ path: String, create: Bool = true) throws {
        self.path = path
        if create { try OutputFile.makeFolder(path) }
        realPath = Self.resolved(path)
    }

    /// The path with every symlink resolved (the path itself when it cannot be resolved).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return Paths.absolute(path) }
        defer { free(real) }
        return String(cString: real)
    }

    func isInside(_ real: String) -> Bool { real == realPath || real.hasPrefix(realPath + "/") }

    /// Checks that writing `file` (a plain name inside the folder) stays inside it: an existing
    /// symlink there that leads outside is an error for the job.
    public func checkTarget(_ file: String, job: BatchJob) throws {
        let path = Paths.join(self.path, file)
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFLNK, !isInside(Self.resolved(path)) {
            throw Diagnostic.error(at: job.nameLocation, "output '\(path)' is a symbolic link leading outside '\(self.path)'",
                                   hints: ["remove the link; a batch writes only inside its output folder"])
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw Diagnostic.error(at: job.nameLocation, "output '\(path)' is a folder")
        }
    }

    /// Checks that a folder the batch keeps inside the output (manifest, staging) does not lead out.
    public func checkOwnFolder(_ folder: String, at location: SourceLocation) throws {
        guard FileManager.default.fileExists(atPath: folder) else { return }
        guard isInside(Self.resolved(folder)) else {
            throw Diagnostic.error(at: location, "'\(folder)' leads outside the output folder '\(path)'")
        }
    }

    /// Removes temporary files and staging folders left by batches that were killed: names with
    /// the process id of a process that no longer runs (`.NAME.tmp-PID-N`, `.folio-staging/JOB.PID`).
    public func removeLeftovers(manifestFolder: String) {
        for folder in [path, manifestFolder] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                if let pid = Self.temporaryOwner(name), !Self.isRunning(pid) {
                    try? FileManager.default.removeItem(atPath: Paths.join(folder, name))
                }
            }
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? [] {
            if let pid = name.split(separator: ".").last.flatMap({ Int32($0) }), !Self.isRunning(pid) {
                try? FileManager.default.removeItem(atPath: Paths.join(staging, name))
            }
        }
        try? FileManager.default.removeItem(atPath: staging) // only succeeds when empty
    }

    /// Removes this process's own temporaries (used when a second Ctrl-C quits at once).
    public func removeOwnTemporaries(manifestFolder: String) {
        let me = getpid()
        for folder in [path, manifestFolder] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where Self.temporaryOwner(name) == me {
                try? FileManager.default.removeItem(atPath: Paths.join(folder, name))
            }
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? [] where name.hasSuffix(".\(me)") {
            try? FileManager.default.removeItem(atPath: Paths.join(staging, name))
        }
    }

    /// The process id in a temporary name `.NAME.tmp-PID-N` (see `TemporaryFiles`).
    static func temporaryOwner(_ name: String) -> Int32? { TemporaryFiles.owner(of: name) }

    static func isRunning(_ pid: Int32) -> Bool { TemporaryFiles.isRunning(pid) }
}
