// folio: the command line. Argument parsing only; the work is done by the Folio library.
import ArgumentParser
import Foundation

import Folio

// Usage errors exit 2 (the convention FORMATS.md sets), input errors 1.
do {
    var command = try Folio.parseAsRoot()
    // Before any other thread starts: process settings, then SIGINT/SIGTERM handled on a thread of
    // their own (temporaries removed, then the process ends by the signal; a batch stops gently first).
    ProcessTuning.apply(exitsWhenDone: !(command is Watch || command is Serve || command is Preview))
    SignalWatch.start()
    try command.run()
} catch {
    let code = Folio.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((Folio.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    Folio.exit(withError: error)
}
