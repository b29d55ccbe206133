import Foundation
import FolioModel

/// A briefing loaded before the command line is even parsed (ArgumentParser takes 2 ms, most of it
/// scanning protocol conformances): `folio render FILE …` and `folio charts FILE …` name their
/// briefing first. The guess is checked after parsing: the command takes it only when its source
/// and load options are exactly those guessed, and loads afresh otherwise.
extension BriefingPreload {
    /// Written and taken on the main thread only.
    nonisolated(unsafe) private static var speculative: (source: String, preload: BriefingPreload)?

    /// Starts loading `arguments[1]` with default options when `arguments[0]` is `render` or
    /// `charts` and `arguments[1]` is a regular file (never standard input, a pipe or a device,
    /// which a guess must not read). Call it once, first thing, on the main thread.
    public static func speculate(_ arguments: [String]) {
        guard arguments.count >= 2, RendererWarmup.commands.contains(arguments[0]), speculative == nil else { return }
        let source = arguments[1]
        var status = stat()
        guard !source.hasPrefix("-"), stat(source, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return }
        speculative = (source, BriefingPreload(source: source, options: LoadOptions()))
    }

    /// The briefing `source` loading with `options`: the speculative one when it is exactly that,
    /// else a new preload (the guess, if any, is dropped).
    public static func start(source: String, options: LoadOptions) -> BriefingPreload {
        defer { speculative = nil }
        if let speculative, speculative.source == source, options == LoadOptions() { return speculative.preload }
        return BriefingPreload(source: source, options: options)
    }
}
