import ArgumentParser
import Foundation

/// The end of both programs' `main`: parse the command line with `Root`, run the command, exit.
/// Usage errors exit 2 (the convention FORMATS.md sets), input errors 1.
public enum CommandMain {
    public static func run<Root: ParsableCommand>(_ root: Root.Type) -> Never {
        do {
            var command = try Root.parseAsRoot()
            try command.run()
            exit(0)
        } catch {
            if Root.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((Root.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            Root.exit(withError: error)
        }
    }
}
