// folio: the command line. Argument parsing only; the work is done by the Folio library.
import Folio
import FolioCommandLine

// The first argument names the command (`folio` has no default one and no options of its own
// besides --help and --version).
let arguments = Array(CommandLine.arguments.dropFirst())
let named = arguments.first ?? ""
// `folio serve` and `folio preview` are the folio-serve program's, before anything starts here.
if ServerProgram.runs(arguments) { ServerProgram.exec(arguments) }
// Before any other thread starts: process settings, then SIGINT/SIGTERM handled on a thread of their
// own (temporaries removed, then the process ends by the signal; a batch stops gently first), then
// the renderer made, and the briefing most likely asked for loaded, while the arguments are parsed.
ProcessTuning.apply(exitsWhenDone: named != "watch")
SignalWatch.start()
RendererWarmup.start(forCommand: named)
BriefingPreload.speculate(arguments)
CommandMain.run(Folio.self)
