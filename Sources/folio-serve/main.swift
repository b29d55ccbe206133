// folio-serve: `folio serve` (the HTTP render service) and `folio preview` (the live preview), which
// folio hands over to this program (ServerProgram in Sources/folio). A program of its own so that
// folio's other commands do not load Hummingbird and SwiftNIO: their 2,600 protocol conformances,
// which the Swift runtime scans on every dynamic cast, cost every folio run about 1.5 ms.
import ArgumentParser
import Folio
import FolioCommandLine

/// The root command: named `folio`, so that usage and help read `folio serve …` as users type it.
struct FolioServer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "The HTTP render service and the live preview of folio (run as `folio serve` and `folio preview`).",
        version: FolioVersion.current,
        subcommands: [Serve.self, Preview.self]
    )
}

// Process settings for a process that stays alive, then SIGINT/SIGTERM on a thread of their own
// (temporaries removed), before any other thread starts.
ProcessTuning.apply(exitsWhenDone: false)
SignalWatch.start()
CommandMain.run(FolioServer.self)
