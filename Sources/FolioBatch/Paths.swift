import Foundation
import Folio

/// Small path helpers shared by the batch stage.
enum Paths {
    /// `path` as an absolute, standardized path (relative paths start at the current folder).
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The folder holding `path` (`.` for a bare file name).
    static func folder(of path: String) -> String {
        let folder = OutputPath.folder(of: path)
        return folder.isEmpty ? "." : folder
    }

    /// `path` joined onto `folder`.
    static func join(_ folder: String, _ path: String) -> String {
        (folder as NSString).appendingPathComponent(path)
    }
}
