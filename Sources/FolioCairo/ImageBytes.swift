import CCairo
import Foundation

/// Image files read from somewhere other than the file system while drawing: an in-memory
/// render binds a provider to its thread, so concurrent renders each see their own.
public enum ImageBytes {
    /// The bytes of the image at a path, as the display list names it, bound on this thread; nil: read the file.
    public static var provider: (@Sendable (String) -> Data?)? { Thread.current.threadDictionary[providerKey] as? @Sendable (String) -> Data? }

    /// Runs `body` with `provider` bound on this thread (then restores the earlier one).
    public static func withProvider<T>(_ provider: (@Sendable (String) -> Data?)?, _ body: () throws -> T) rethrows -> T {
        let dictionary = Thread.current.threadDictionary
        let earlier = dictionary[providerKey]
        dictionary[providerKey] = provider
        defer { dictionary[providerKey] = earlier }
        return try body()
    }

    static let providerKey = "folio.image-bytes"

    /// The decoded PNG from the bound provider; nil when none is bound or it has no such image.
    static func surface(for path: String) -> CairoSurface? {
        guard let provider, let data = provider(path) else { return nil }
        let reader = PNGReader(data)
        return withExtendedLifetime(reader) {
            try? CairoSurface(cairo_image_surface_create_from_png_stream(PNGReader.callback,
                                                                         Unmanaged.passUnretained(reader).toOpaque()),
                              what: "image '\(path)'")
        }
    }

    /// Hands Cairo's PNG decoder the bytes in pieces.
    final class PNGReader {
        let data: Data
        var offset = 0
        init(_ data: Data) { self.data = data }

        static let callback: cairo_read_func_t = { closure, buffer, length in
            guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
            let reader = Unmanaged<PNGReader>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.data.count else { return CAIRO_STATUS_READ_ERROR }
            reader.data.copyBytes(to: buffer, from: reader.offset..<(reader.offset + count))
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }
    }
}
