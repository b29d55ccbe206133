import Folio
import Foundation
import Hummingbird

/// The service's responses: documents, JSON errors and plain text.
extension Response {
    static let pagesHeader = HTTPFields.Element.Name("X-Folio-Pages")!
    static let warningsHeader = HTTPFields.Element.Name("X-Folio-Warnings")!

    static func text(_ text: String, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ status: Int, _ object: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"error": "message"}` with `status`.
    static func error(_ status: Int, _ message: String) -> Response { json(status, ["error": message]) }

    /// 422 with every diagnostic at its file, line and column.
    static func diagnostics(_ diagnostics: [Diagnostic]) -> Response {
        json(422, ["error": diagnostics.first?.message ?? "the input has errors", "errors": diagnostics.map(Self.object)])
    }

    static func object(_ diagnostic: Diagnostic) -> [String: Any] {
        ["file": diagnostic.location.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
         "severity": diagnostic.severity.rawValue, "message": diagnostic.message, "hints": diagnostic.hints,
         "text": diagnostic.description]
    }

    /// The PDF, the one page, or a zip of the pages.
    static func document(_ rendered: RenderedDocument, name: String) throws -> Response {
        let ext = rendered.format.rawValue
        let body: Data, type: String
        if rendered.files.count == 1, let only = rendered.files.first {
            body = only
            type = ["pdf": "application/pdf", "png": "image/png", "svg": "image/svg+xml"][ext] ?? "application/octet-stream"
        } else {
            body = try PageArchive.zip(rendered.files, name: name, fileExtension: ext)
            type = "application/zip"
        }
        var headers: HTTPFields = [.contentType: type]
        headers[pagesHeader] = String(rendered.pageCount)
        headers[warningsHeader] = String(rendered.warnings.count)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
