import Foundation

/// Resolves an image target (a file, a `data:` URI, a remote URL) into an `ImageReference`.
///
/// Nothing here stops a render: an image that cannot be shown gets a warning at its position and
/// is drawn as a placeholder box with its alternative text, so one run reports every such image.
/// Remote images are never fetched.
struct ImageResolver {
    /// Folder that relative paths start from.
    let baseFolder: String
    let log: DiagnosticLog
    /// Targets resolved before in this document (an image used many times is read once).
    var cache: ImageCache?

    func resolve(_ target: String, alt: String, at location: SourceLocation) -> ImageReference {
        if var image = cache?.lookup(target) {
            image.alt = alt
            image.location = location
            if let failure = image.failure { log.add(Self.warning(at: location, failure, hints: image.failureHints, kind: image.failureKind)) }
            return image
        }
        let image = resolveAnew(target, alt: alt, at: location)
        cache?.store(target, image: image)
        return image
    }

    func resolveAnew(_ target: String, alt: String, at location: SourceLocation) -> ImageReference {
        var image = ImageReference(alt: alt, target: target, location: location)
        let trimmed = target.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        let bytes: Data
        if lower.hasPrefix("data:") {
            guard let decoded = DataURI.decode(trimmed) else {
                return failed(image, "data: URI '\(image.target)' cannot be decoded", hints: ["write it as data:image/png;base64,… or save the image as a file"])
            }
            bytes = decoded.bytes
            image.data = ImageBytes(bytes)
        } else if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            return failed(image, "remote image '\(image.target)' is not fetched", hints: ["save it beside the briefing and link the file"],
                          kind: .remoteImage)
        } else if trimmed.isEmpty {
            return failed(image, "image has no file name")
        } else if let scheme = Self.scheme(of: lower), scheme != "file" {
            return failed(image, "image '\(image.target)' uses the unsupported scheme '\(scheme):'", hints: ["link a local file"])
        } else {
            var path = trimmed
            if lower.hasPrefix("file://") { path = String(path.dropFirst(7)) }
            path = path.removingPercentEncoding ?? path
            if !path.hasPrefix("/") { path = (baseFolder as NSString).appendingPathComponent(path) }
            do {
                bytes = try InputFile.bytes(path, referencedFrom: location, what: "image")
            } catch let diagnostic as Diagnostic {
                return failed(image, diagnostic.message.replacingOccurrences(of: "'\(path)'", with: "'\(image.target)'"),
                              kind: Self.isRefused(path) ? .refusedImage : nil)
            } catch {
                return failed(image, "cannot read image '\(image.target)'")
            }
            image.path = path
        }
        switch ImageProbe.probe(bytes) {
        case .success(let probed):
            image.format = probed.format
            image.naturalWidth = probed.width
            image.naturalHeight = probed.height
        case .failure(let failure):
            image.path = nil
            image.data = nil
            return failed(image, "image '\(image.target)' \(failure.message)")
        }
        return image
    }

    /// `image` marked as not drawable, with a warning at its position.
    func failed(_ image: ImageReference, _ message: String, hints: [String] = [], kind: Diagnostic.Kind? = nil) -> ImageReference {
        var result = image
        result.failure = message
        result.failureHints = hints
        result.failureKind = kind
        log.add(Self.warning(at: image.location, message, hints: hints, kind: kind))
        return result
    }

    /// The warning for an image that is drawn as a placeholder.
    static func warning(at location: SourceLocation, _ failure: String, hints: [String], kind: Diagnostic.Kind?) -> Diagnostic {
        var warning = Diagnostic.warning(at: location, failure + "; a placeholder is drawn", hints: hints)
        warning.kind = kind
        return warning
    }

    /// Whether the input source bound to this thread refuses `path` (only asked after a failed read).
    static func isRefused(_ path: String) -> Bool {
        guard let source = InputFile.source, case .refused = source.entry(at: path) else { return false }
        return true
    }

    /// A URL scheme (`ftp` in `ftp://…`, `mailto` in `mailto:…`), or nil for a path (`C:` is a drive).
    static func scheme(of target: String) -> String? {
        guard let colon = target.firstIndex(of: ":") else { return nil }
        let scheme = target[..<colon]
        guard scheme.count > 1, let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return String(scheme)
    }
}

/// Image targets already resolved in one document.
final class ImageCache: @unchecked Sendable {
    private var entries: [String: ImageReference] = [:]
    private let lock = NSLock()

    func lookup(_ target: String) -> ImageReference? { lock.withLock { entries[target] } }
    func store(_ target: String, image: ImageReference) { lock.withLock { entries[target] = image } }
}
