import FolioModel

/// The renderer of `folio render` and `folio charts` (its font catalog and Pango's font maps, 3–5 ms),
/// made on another thread while ArgumentParser reads the command line (as long again, on one core).
/// The command then only loads its briefing meanwhile, and the two halves of a long CSV file have
/// both cores to themselves.
public enum RendererWarmup {
    /// Written and taken on the main thread only.
    nonisolated(unsafe) private static var pending: ThreadResult<Renderer>?

    /// The commands that make a renderer at once.
    static let commands: Set<String> = ["render", "charts"]

    /// Starts making a renderer when `command` (the first argument) is one that needs it. Call it
    /// after `ProcessTuning.apply` and `SignalWatch.start`: the thread inherits their settings.
    public static func start(forCommand command: String) {
        guard commands.contains(command), pending == nil else { return }
        pending = ThreadResult { try Renderer() }
    }

    /// The renderer `start` began (waiting for it), else a new one.
    public static func renderer() throws -> Renderer {
        guard let started = pending else { return try Renderer() }
        pending = nil
        return try started.wait()
    }
}
