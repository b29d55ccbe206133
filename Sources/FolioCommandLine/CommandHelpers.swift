import ArgumentParser
import Folio
import Foundation

/// Runs `body`, printing diagnostics compiler-style and exiting 1 on input or output errors.
public func runReportingErrors(_ body: () throws -> [Diagnostic]) throws {
    do {
        for warning in try body() { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
    } catch let diagnostic as Diagnostic {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        throw ExitCode(1)
    } catch let list as DiagnosticList {
        FileHandle.standardError.write(Data((list.description + "\n").utf8))
        throw ExitCode(1)
    } catch let error as OutputError {
        FileHandle.standardError.write(Data(("folio: error: \(error.description)\n").utf8))
        throw ExitCode(1)
    } catch let error as RenderError {
        FileHandle.standardError.write(Data(("folio: error: \(error.description)\n").utf8))
        throw ExitCode(1)
    }
}

/// Splits `KEY=VALUE` options.
public func parseSettings(_ values: [String], option: String = "--set") throws -> [(key: String, value: String)] {
    try values.map { text in
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ValidationError("\(option) expects KEY=VALUE, got '\(text)'")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}

/// Prints a command's closing line, on standard error when standard output carries a document.
public func printSummary(_ line: String, toError: Bool) {
    if toError { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { print(line) }
}

/// `--param KEY=VALUE` options as parameter settings (values are YAML; a bad value is a positioned error).
public func parseParams(_ values: [String]) throws -> [ParamSetting] {
    try parseSettings(values, option: "--param").map { try ParamSetting.parse(key: $0.key, yaml: $0.value) }
}
