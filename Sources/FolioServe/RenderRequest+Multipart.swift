import Folio
import Foundation
import MultipartKit
import Hummingbird

extension RenderRequest {
    /// The multipart form: part `briefing` (text or file; its file name names it), `layout`,
    /// `format`, `dpi`, `params` (a JSON object) or `param` (`KEY=VALUE`, repeatable), and any
    /// number of `file` parts, each named by its file name (`data/kpis.csv`, `logo.png`).
    public init(multipart body: ByteBuffer, boundary: String) throws {
        self.init()
        var parts: [(headers: [String: String], body: ByteBuffer)] = []
        var headers: [String: String] = [:]
        var current = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in current.writeBuffer(&buffer) }
        parser.onPartComplete = {
            parts.append((headers, current))
            headers = [:]
            current = ByteBuffer()
        }
        do { try parser.execute(body) } catch { throw RequestError("the multipart body is malformed") }
        guard !parts.isEmpty else { throw RequestError("the multipart body has no parts") }
        for part in parts {
            let disposition = Self.dispositionFields(part.headers["content-disposition"] ?? "")
            guard let field = disposition["name"] else { throw RequestError("a part has no name") }
            let bytes = Data(part.body.readableBytesView)
            let text = String(decoding: bytes, as: UTF8.self)
            switch field {
            case "briefing":
                briefing = text
                if let file = disposition["filename"], !file.isEmpty { name = file }
            case "layout": layout = text
            case "format": try setFormat(text.trimmingCharacters(in: .whitespacesAndNewlines))
            case "dpi":
                guard let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw RequestError("'dpi' must be a number") }
                dpi = value
            case "params":
                let json = try RenderRequest(json: Data("{\"briefing\": \"-\", \"params\": \(text)}".utf8))
                params += json.params
            case "param":
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { throw RequestError("'param' expects KEY=VALUE") }
                params.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
            case "file", "files":
                guard let file = disposition["filename"], !file.isEmpty else { throw RequestError("a file part has no filename") }
                guard files[file] == nil else { throw RequestError("file '\(file)' is sent twice") }
                files[file] = bytes
            default:
                throw RequestError("unknown part '\(field)'")
            }
        }
    }

    /// The multipart form from bytes.
    public init(multipart data: Data, boundary: String) throws {
        try self.init(multipart: ByteBuffer(bytes: data), boundary: boundary)
    }

    /// `form-data; name="file"; filename="a.csv"` → ["name": "file", "filename": "a.csv"].
    static func dispositionFields(_ header: String) -> [String: String] {
        var fields: [String: String] = [:]
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            fields[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] = value
        }
        return fields
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type, nil for other types.
    public static func boundary(ofContentType type: String) -> String? {
        guard type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for item in type.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" {
                var value = pair[1].trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }
}
