import Foundation

/// Decodes `data:[MEDIATYPE][;base64],DATA` URIs (RFC 2397): base64 or percent-encoded bytes.
enum DataURI {
    /// The URI's media type and bytes; nil when it is not a well-formed data URI.
    static func decode(_ uri: String) -> (mediaType: String, bytes: Data)? {
        guard uri.lowercased().hasPrefix("data:"), let comma = uri.firstIndex(of: ",") else { return nil }
        let header = uri[uri.index(uri.startIndex, offsetBy: 5)..<comma]
        let payload = String(uri[uri.index(after: comma)...])
        var parameters = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let isBase64 = parameters.last == "base64"
        if isBase64 { parameters.removeLast() }
        let mediaType = parameters.first.map { $0.contains("/") ? $0 : "text/plain" } ?? "text/plain"
        if isBase64 {
            // Base64 may itself be percent-encoded, and wrapped with spaces or newlines.
            let unescaped = payload.removingPercentEncoding ?? payload
            let compact = unescaped.filter { !$0.isWhitespace }
            guard let bytes = Data(base64Encoded: compact, options: .ignoreUnknownCharacters)
                ?? Data(base64Encoded: compact.padded()) else { return nil }
            return (mediaType, bytes)
        }
        guard let text = payload.removingPercentEncoding else { return nil }
        return (mediaType, Data(text.utf8))
    }
}

private extension String {
    /// Base64 without its final `=` padding, padded again.
    func padded() -> String {
        let remainder = count % 4
        return remainder == 0 ? self : self + String(repeating: "=", count: 4 - remainder)
    }
}
