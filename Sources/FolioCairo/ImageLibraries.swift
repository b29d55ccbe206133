import CPangoCairo
import Foundation

/// librsvg (SVG drawn as vectors through Cairo) and gdk-pixbuf (JPEG, GIF, WebP and other rasters),
/// opened on the first image that needs them rather than linked.
///
/// Linked, the two libraries and what they pull in (gio, libmount, libxml2, a second ICU) cost
/// every run about 5 ms in the dynamic loader before `main`, images or not; most runs (charts,
/// briefings of text and PNG figures) never use them. The few functions Folio calls are looked up
/// once, by name, with the signatures of `rsvg.h` and `gdk-pixbuf.h`.
enum ImageLibraries {
    typealias ErrorOut = UnsafeMutablePointer<UnsafeMutablePointer<GError>?>?

    /// The librsvg functions Folio calls (handles are `RsvgHandle *`).
    struct SVG {
        let newFromData: @convention(c) (UnsafePointer<UInt8>?, UInt, ErrorOut) -> OpaquePointer?
        let newFromFile: @convention(c) (UnsafePointer<CChar>?, ErrorOut) -> OpaquePointer?
        let setDPI: @convention(c) (OpaquePointer?, Double) -> Void
        /// `rsvg_handle_render_document(handle, cr, const RsvgRectangle *viewport, error)`; the
        /// viewport is four doubles: x, y, width, height.
        let renderDocument: @convention(c) (OpaquePointer?, OpaquePointer?, UnsafePointer<Double>?, ErrorOut) -> Int32
    }

    /// The gdk-pixbuf functions Folio calls (`GdkPixbufLoader *` and `GdkPixbuf *` handles).
    struct Pixbuf {
        typealias Property = @convention(c) (OpaquePointer?) -> Int32
        let loaderNew: @convention(c) () -> OpaquePointer?
        let loaderWrite: @convention(c) (OpaquePointer?, UnsafePointer<UInt8>?, UInt, ErrorOut) -> Int32
        let loaderClose: @convention(c) (OpaquePointer?, ErrorOut) -> Int32
        let loaderPixbuf: @convention(c) (OpaquePointer?) -> OpaquePointer?
        let width: Property
        let height: Property
        let channels: Property
        let rowstride: Property
        let hasAlpha: Property
        let bitsPerSample: Property
        let readPixels: @convention(c) (OpaquePointer?) -> UnsafePointer<UInt8>?
    }

    /// librsvg's functions, or nil when the library cannot be opened (SVG images are then missing).
    static let svg: SVG? = {
        guard let library = Library("librsvg-2.so.2") else { return nil }
        return library.resolve { try SVG(newFromData: $0.function("rsvg_handle_new_from_data"),
                                         newFromFile: $0.function("rsvg_handle_new_from_file"),
                                         setDPI: $0.function("rsvg_handle_set_dpi"),
                                         renderDocument: $0.function("rsvg_handle_render_document")) }
    }()

    /// gdk-pixbuf's functions, or nil when the library cannot be opened.
    static let pixbuf: Pixbuf? = {
        guard let library = Library("libgdk_pixbuf-2.0.so.0") else { return nil }
        return library.resolve { try Pixbuf(loaderNew: $0.function("gdk_pixbuf_loader_new"),
                                            loaderWrite: $0.function("gdk_pixbuf_loader_write"),
                                            loaderClose: $0.function("gdk_pixbuf_loader_close"),
                                            loaderPixbuf: $0.function("gdk_pixbuf_loader_get_pixbuf"),
                                            width: $0.function("gdk_pixbuf_get_width"),
                                            height: $0.function("gdk_pixbuf_get_height"),
                                            channels: $0.function("gdk_pixbuf_get_n_channels"),
                                            rowstride: $0.function("gdk_pixbuf_get_rowstride"),
                                            hasAlpha: $0.function("gdk_pixbuf_get_has_alpha"),
                                            bitsPerSample: $0.function("gdk_pixbuf_get_bits_per_sample"),
                                            readPixels: $0.function("gdk_pixbuf_read_pixels")) }
    }()

    /// A shared library opened for the life of the process (never closed: its functions stay in use).
    private struct Library {
        struct MissingSymbol: Error, CustomStringConvertible {
            var name: String
            var description: String { "the image library has no function '\(name)'" }
        }
        let handle: UnsafeMutableRawPointer

        /// Opens `name`; when it cannot be, says so once on standard error (an installation
        /// without it: `Scripts/setup` installs it) and is nil.
        init?(_ name: String) {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                let reason = dlerror().map { String(cString: $0) } ?? "not found"
                FileHandle.standardError.write(Data("folio: warning: \(reason); images that need \(name) are not drawn\n".utf8))
                return nil
            }
            self.handle = handle
        }

        /// The table made by `make`, or nil when a symbol is missing (an incompatible library).
        func resolve<Table>(_ make: (Library) throws -> Table) -> Table? {
            do {
                return try make(self)
            } catch {
                FileHandle.standardError.write(Data("folio: warning: \(error); images that need it are not drawn\n".utf8))
                return nil
            }
        }

        func function<Function>(_ name: String) throws -> Function {
            guard let symbol = dlsym(handle, name) else { throw MissingSymbol(name: name) }
            return unsafeBitCast(symbol, to: Function.self)
        }
    }
}
