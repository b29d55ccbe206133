import Foundation

/// Reads input files with the checks every input gets: exists, bounded size, valid UTF-8, not empty.
public enum InputFile {
    /// The largest input file Folio reads (16 MiB).
    public static let maximumBytes = 16 << 20

    /// The name standard input is read under (`folio render -`); positions in it say `<stdin>`.
    public static let standardInput = "<stdin>"

    /// The file's text; errors point at `location` (where the file was named) or the file itself.
    public static func read(_ path: String, referencedFrom location: SourceLocation? = nil, what: String = "file") throws -> String {
        let data = try bytes(path, referencedFrom: location, what: what)
        guard let text = String(validatingUTF8Data: data) else {
            let (line, column) = firstInvalidUTF8Position(data)
            throw Diagnostic.error(at: SourceLocation(file: path, line: line, column: column), "the \(what) is not valid UTF-8")
        }
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw Diagnostic.error(at: .start(of: path), "the \(what) is empty")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// The file's bytes, bounded by `maximumBytes`.
    public static func bytes(_ path: String, referencedFrom location: SourceLocation? = nil, what: String = "file") throws -> Data {
        let at = location ?? .start(of: path)
        observer?(path)
        if path == standardInput, Overrides.text(for: path) == nil, source == nil { return try StandardInput.bytes(at: at) }
        if let text = Overrides.text(for: path) { return Data(text.utf8) }
        if let source { return try sourceBytes(source, path: path, at: at, what: what) }
        // stat(2) alone: FileManager's attributes also look up the owner's and group's names
        // (/etc/passwd, /etc/group) and box every value, for the one number needed here.
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Diagnostic.error(at: at, "\(what) '\(path)' does not exist")
        }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw Diagnostic.error(at: at, "\(what) '\(path)' is a folder") }
        let size = Int(info.st_size)
        guard size <= maximumBytes else {
            throw Diagnostic.error(at: at, "\(what) '\(path)' is \(size) bytes; at most \(maximumBytes) are read")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.error(at: at, "cannot read \(what) '\(path)'")
        }
        return data
    }

    /// Texts read instead of files, by path: `folio check` masks the part of an input that had an
    /// error (keeping line numbers) to look for the next error. Process-wide; set only while checking.
    public enum Overrides {
        nonisolated(unsafe) static var texts: [String: String] = [:]
        static let lock = NSLock()

        public static func text(for path: String) -> String? { lock.withLock { texts[path] } }
        public static func set(_ text: String?, for path: String) { lock.withLock { texts[path] = text } }
        public static func removeAll() { lock.withLock { texts.removeAll() } }
    }

    /// Standard input, read once (to its end, bounded by `maximumBytes`) and kept for later reads.
    enum StandardInput {
        nonisolated(unsafe) static var cached: Data?
        static let lock = NSLock()

        static func bytes(at location: SourceLocation) throws -> Data {
            lock.lock(); defer { lock.unlock() }
            if let cached { return cached }
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = Foundation.read(STDIN_FILENO, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else { throw Diagnostic.error(at: location, "cannot read standard input: \(String(cString: strerror(errno)))") }
                if count == 0 { break }
                data.append(contentsOf: buffer[0..<count])
                guard data.count <= maximumBytes else {
                    throw Diagnostic.error(at: location, "standard input has more than \(maximumBytes) bytes; at most \(maximumBytes) are read")
                }
            }
            cached = data
            return data
        }
    }

    static func firstInvalidUTF8Position(_ data: Data) -> (Int, Int) {
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: return (line, column)
            case .error: return (line, column)
            }
        }
    }
}

extension String {
    /// Strict UTF-8 decoding (no replacement characters).
    init?(validatingUTF8Data data: Data) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}
