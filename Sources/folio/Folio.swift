import ArgumentParser
import Folio
import Foundation

/// The `folio` command and its subcommands.
struct Folio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Render briefings (Markdown + YAML) into paged PDF, PNG and SVG, with timeline and org charts.",
        discussion: """
        Input errors are printed as FILE:LINE:COLUMN: error: MESSAGE and exit with status 1;
        no partial output file is left behind. Usage errors exit with status 2.
        Formats: see docs/FORMATS.md (briefings, data files, layouts, batch configs).
        """,
        version: FolioVersion.current,
        subcommands: [Render.self, Charts.self, Batch.self, Check.self, Watch.self, Serve.self, Preview.self]
    )
}
