import Folio
import Foundation

/// One `POST /render`: a briefing template, its parameters, files (data, images) and an optional
/// layout, with the wanted format. Built from JSON (`init(json:)`) or multipart (`init(multipart:boundary:)`).
public struct RenderRequest: Sendable {
    /// The briefing's name in error positions (`briefing.md`).
    public var name = "briefing.md"
    public var briefing = ""
    /// Data files and images by relative name.
    public var files: [String: Data] = [:]
    /// A layout's YAML (named `layout.yaml` in errors), or nil: the front matter's layout.
    public var layout: String?
    /// Parameter values: YAML (or JSON) text by name.
    public var params: [(key: String, value: String)] = []
    public var format: OutputFormat = .pdf
    public var dpi: Double = 150

    public init() {}

    /// The most files one request may carry.
    public static let maximumFiles = 64
    /// The highest PNG resolution a request may ask for.
    public static let maximumDPI = 600.0

    /// Checks what the loaders do not: names of files (relative, inside the request), format and dpi.
    public func validate() throws {
        guard !briefing.isEmpty else { throw RequestError("the request has no briefing") }
        guard files.count <= Self.maximumFiles else { throw RequestError("at most \(Self.maximumFiles) files per request") }
        for name in files.keys.sorted() + [self.name] {
            guard let normal = RequestFolder.safeName(name) else {
                throw RequestError("file name '\(name)' is not a relative path inside the request")
            }
            guard normal != RequestFolder.safeName(self.name) || name == self.name else {
                throw RequestError("file '\(name)' has the briefing's name")
            }
        }
        guard dpi >= 10, dpi <= Self.maximumDPI else { throw RequestError("dpi must be between 10 and \(Int(Self.maximumDPI))") }
        for (name, data) in files {
            if let (width, height) = Self.pngSize(data), width * height > Self.maximumImagePixels {
                throw RequestError("image '\(name)' is \(width)×\(height) pixels; at most \(Self.maximumImagePixels) are decoded")
            }
        }
    }

    /// The most pixels an image may have (a small PNG can decode to gigabytes).
    public static let maximumImagePixels = 40_000_000

    /// Width and height from a PNG's IHDR chunk; nil for anything else.
    static func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              bytes[12...15].elementsEqual("IHDR".utf8) else { return nil }
        func number(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    /// The parameter settings, each value parsed as YAML (errors name `<--param KEY>`).
    public func paramSettings() throws -> [ParamSetting] {
        try params.map { try ParamSetting.parse(key: $0.key, yaml: $0.value) }
    }
}

/// A request the service cannot take (answered 400 with the message).
public struct RequestError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension RenderRequest {
    /// The JSON form: `{"briefing": "...", "name": "...", "format": "pdf", "dpi": 150,
    /// "params": {"region": "EMEA"}, "layout": "...", "files": {"kpis.csv": "text", "logo.png": {"base64": "..."}}}`.
    public init(json data: Data) throws {
        self.init()
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw RequestError("the body is not a JSON object")
        }
        let known: Set = ["briefing", "name", "format", "dpi", "params", "layout", "files"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) { throw RequestError("unknown field '\(unknown)'") }
        guard let briefing = object["briefing"] as? String else { throw RequestError("'briefing' must be a string") }
        self.briefing = briefing
        if let value = object["name"] { guard let name = value as? String else { throw RequestError("'name' must be a string") }; self.name = name }
        if let value = object["format"] { try setFormat(value as? String) }
        if let value = object["dpi"] {
            guard let number = value as? NSNumber, !(value is Bool), number.doubleValue.isFinite else { throw RequestError("'dpi' must be a number") }
            dpi = number.doubleValue
        }
        if let value = object["layout"] {
            guard let text = value as? String else { throw RequestError("'layout' must be a string (a layout's YAML)") }
            layout = text
        }
        if let value = object["params"] {
            guard let mapping = value as? [String: Any] else { throw RequestError("'params' must be an object") }
            for key in mapping.keys.sorted() {
                guard let item = mapping[key],
                      let json = try? JSONSerialization.data(withJSONObject: item, options: [.fragmentsAllowed, .sortedKeys]) else {
                    throw RequestError("parameter '\(key)' has no JSON value")
                }
                params.append((key, String(decoding: json, as: UTF8.self)))
            }
        }
        if let value = object["files"] {
            guard let mapping = value as? [String: Any] else { throw RequestError("'files' must be an object of file name to contents") }
            for (name, item) in mapping {
                if let text = item as? String {
                    files[name] = Data(text.utf8)
                } else if let wrapped = item as? [String: Any], wrapped.count == 1, let base64 = wrapped["base64"] as? String,
                          let bytes = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) {
                    files[name] = bytes
                } else {
                    throw RequestError("file '\(name)' must be a string or {\"base64\": \"...\"}")
                }
            }
        }
    }

    mutating func setFormat(_ text: String?) throws {
        guard let text, let format = OutputFormat(rawValue: text.lowercased()) else {
            throw RequestError("'format' must be pdf, png or svg")
        }
        self.format = format
    }
}
