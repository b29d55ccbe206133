import Foundation

/// A shared library built and installed with folio (`libFolioHighlight.so`, `libFolioPDFTags.so`),
/// opened with dlopen on first use rather than linked: what those libraries pull in would
/// otherwise be loaded at every start.
public enum BundledLibrary {
    /// Opens `fileName`: beside the running executable (`.build/release`, `.build/debug`), in
    /// `../lib/folio` from it (an installation), then by name (the loader's path, or a copy the
    /// program already linked). Nil when none opens; `tried` then names each place and why.
    public static func open(_ fileName: String) -> (handle: UnsafeMutableRawPointer?, tried: [String]) {
        var tried: [String] = []
        for path in candidates(fileName) {
            if let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) { return (handle, tried) }
            tried.append(dlerror().map { String(cString: $0) } ?? "\(path): not found")
        }
        return (nil, tried)
    }

    /// Where `fileName` is looked for, in order.
    static func candidates(_ fileName: String) -> [String] {
        placesBesideExecutable(fileName) + [fileName]
    }

    /// `fileName` beside the running executable, then in `../lib/folio` from it (an installation):
    /// where folio's shared libraries and its folio-serve program are installed.
    public static func placesBesideExecutable(_ fileName: String) -> [String] {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return [] }
        let folder = (executable as NSString).deletingLastPathComponent
        return [folder + "/" + fileName, (folder as NSString).deletingLastPathComponent + "/lib/folio/" + fileName]
    }
}
