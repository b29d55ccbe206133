// folio: the command line. Argument parsing only; the work is done by the Folio library.
import ArgumentParser
import Foundation

import Folio

// Usage errors exit 2 (the convention FORMATS.md sets), input errors 1.
do {
    // The first argument names the command (`folio` has no default one and no options of its own
    // besides --help and --version). Before any other thread starts: process settings, then
    // SIGINT/SIGTERM handled on a thread of their own (temporaries removed, then the process ends by
    // the signal; a batch stops gently first), then the renderer made while the arguments are parsed.
    let named = CommandLine.arguments.dropFirst().first ?? ""
    ProcessTuning.apply(exitsWhenDone: !["watch", "serve", "preview"].contains(named))
    SignalWatch.start()
    RendererWarmup.start(forCommand: named)
    var command = try Folio.parseAsRoot()
    try command.run()
} catch {
    let code = Folio.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((Folio.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    Folio.exit(withError: error)
}
