import FolioCairo
import FolioModel

/// The characters a briefing can put on a page: its source and data files (collected while
/// loading), its layout's own text, and Folio's own marks.
enum DocumentCharacters {
    static func scalars(of briefing: Briefing) -> Set<UInt32> {
        var result = briefing.characters
        let layout = briefing.layout
        let own = FontEnvironment.folioCharacters + layout.tocTitle + layout.header.left + layout.header.center
            + layout.header.right + layout.footer.left + layout.footer.center + layout.footer.right
        result.formUnion(Characters.nonASCII(in: own))
        return result
    }
}
