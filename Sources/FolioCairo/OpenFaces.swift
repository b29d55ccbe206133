import CPangoCairo
import Foundation

/// FreeType faces opened by Folio itself and attached to the catalog's font patterns (`FC_FT_FACE`),
/// so Cairo draws and measures through faces it never opens, evicts or closes.
///
/// Cairo 1.16 otherwise opens faces from file names and keeps at most ten open across the whole
/// process, closing one it believes unused; that check reads another font's lock count without
/// its lock, so with two shaping threads (or PNG pages drawn in parallel, or two batch workers) a
/// face could be closed while the other thread was about to use it (a rare segfault inside
/// FreeType, seen about once in 1,000 to 2,000 renders). Faces Cairo gets from a pattern are its
/// "from face" fonts: one mutex each, never evicted.
///
/// Faces live until the process exits: Cairo keys its fonts by the face's address and may keep a
/// font after every font map that used it is gone, so a freed face's address must never be reused.
final class OpenFaces: @unchecked Sendable {
    static let shared = OpenFaces()

    private let lock = NSLock()
    private var library: FT_Library?
    /// Faces by file and face index (several catalogs share them).
    private var faces: [String: FT_Face] = [:]

    private init() {
        var library: FT_Library?
        if FT_Init_FreeType(&library) == 0 { self.library = library }
    }

    /// Adds the face for `pattern`'s file and index to the pattern; leaves it as it is when the
    /// face cannot be opened (Cairo then opens the file itself, as before).
    func attach(to pattern: OpaquePointer) {
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file else { return }
        var index: Int32 = 0
        _ = FcPatternGetInteger(pattern, FC_INDEX, 0, &index)
        let path = String(cString: file)
        let face: FT_Face? = lock.withLock {
            let key = "\(path)|\(index)"
            if let open = faces[key] { return open }
            guard let library else { return nil }
            var face: FT_Face?
            guard FT_New_Face(library, path, FT_Long(index), &face) == 0, let face else { return nil }
            faces[key] = face
            return face
        }
        if let face { FcPatternAddFTFace(pattern, FC_FT_FACE, face) }
    }
}
