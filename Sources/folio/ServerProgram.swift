import ArgumentParser
import FolioBundle
import FolioCommandLine
import Foundation

/// `folio serve` and `folio preview` run in the folio-serve program, built and installed beside
/// folio (Sources/folio-serve): `main.swift` hands them over before anything else starts, so that the
/// other commands never load the HTTP stack.
enum ServerProgram {
    static let fileName = "folio-serve"
    static let commands: Set<String> = ["serve", "preview"]

    /// Whether `arguments` (without the program's name) are for folio-serve: `serve …`,
    /// `preview …`, or `help serve`.
    static func runs(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        return commands.contains(first) || (first == "help" && arguments.count > 1 && commands.contains(arguments[1]))
    }

    /// Replaces this process with folio-serve given `arguments` (same process, so signals and the
    /// exit status are the command's own). When folio-serve cannot be started, says where it was
    /// looked for and exits 1.
    static func exec(_ arguments: [String]) -> Never {
        var tried: [String] = []
        for path in BundledLibrary.placesBesideExecutable(fileName) {
            let argv = ([path] + arguments).map { strdup($0) } + [nil]
            execv(path, argv)
            tried.append("\(path): \(String(cString: strerror(errno)))")
            argv.forEach { free($0) }
        }
        let message = "folio: error: `folio \(arguments[0])` runs the \(fileName) program, built beside folio "
            + "(swift build -c release --product \(fileName)); tried \(tried.joined(separator: "; "))\n"
        FileHandle.standardError.write(Data(message.utf8))
        exit(1)
    }
}

/// `folio serve`, listed in `folio --help`; `main.swift` hands it to folio-serve before parsing.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: ServerCommandHelp.serve)

    @Argument(parsing: .captureForPassthrough, help: "Options of folio serve (folio serve --help).")
    var arguments: [String] = []

    func run() throws { ServerProgram.exec(["serve"] + arguments) }
}

/// `folio preview`, listed in `folio --help`; `main.swift` hands it to folio-serve before parsing.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: ServerCommandHelp.preview)

    @Argument(parsing: .captureForPassthrough, help: "The briefing and options of folio preview (folio preview --help).")
    var arguments: [String] = []

    func run() throws { ServerProgram.exec(["preview"] + arguments) }
}
