import Foundation
import FolioCairo
import FolioModel

/// The characters a briefing can put on a page: its source, its data files, and Folio's own marks.
enum DocumentCharacters {
    static func scalars(of briefing: Briefing) -> Set<UInt32> {
        var result = Set<UInt32>()
        func add(_ text: String) {
            for scalar in text.unicodeScalars where scalar.value >= 0x80 { result.insert(scalar.value) }
        }
        for path in [briefing.sourcePath] + briefing.data.files {
            if let data = FileManager.default.contents(atPath: path) { add(String(decoding: data, as: UTF8.self)) }
        }
        add(briefing.metadata.title + (briefing.metadata.subtitle ?? "") + briefing.metadata.authors.joined())
        add(FontEnvironment.folioCharacters)
        let layout = briefing.layout
        add(layout.tocTitle + layout.header.left + layout.header.center + layout.header.right
            + layout.footer.left + layout.footer.center + layout.footer.right)
        return result
    }
}
