import Folio
import Foundation

/// What the preview page shows: the last good pages (SVG) with the render that last changed each,
/// the outline, and the error of the last render if it failed. Subscribers hear every change.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var generation = 0
    private var pages: [Data] = []
    private var pageVersions: [Int] = []
    private var pageHashes: [Int] = []
    private var pageTexts: [String] = []
    private var outline: [OutlineEntry] = []
    private var error: [String: Any]?
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextSubscriber = 0

    /// A good render: pages whose SVG changed get this render's version; the error clears.
    func update(pages new: [Data], texts: [String], hashes newHashes: [Int], outline: [OutlineEntry]) {
        let message: String = lock.withLock {
            generation += 1
            var versions: [Int] = [], hashes: [Int] = []
            for index in new.indices {
                let hash = newHashes.indices.contains(index) ? newHashes[index] : new[index].hashValue
                let same = index < pageHashes.count && pageHashes[index] == hash
                versions.append(same ? pageVersions[index] : generation)
                hashes.append(hash)
            }
            pages = new
            pageVersions = versions
            pageHashes = hashes
            pageTexts = texts
            self.outline = outline
            error = nil
            return stateJSON()
        }
        broadcast(message)
    }

    /// A failed render: the pages stay, the error shows over them.
    func fail(_ error: Error) {
        let message: String = lock.withLock {
            generation += 1
            self.error = Self.errorObject(error)
            return stateJSON()
        }
        broadcast(message)
    }

    func page(_ number: Int) -> Data? { lock.withLock { pages.indices.contains(number - 1) ? pages[number - 1] : nil } }

    var json: String { lock.withLock { stateJSON() } }

    /// A stream of state messages: the current state first, then one per render.
    func subscribe() -> AsyncStream<String> {
        AsyncStream { continuation in
            let id: Int = lock.withLock {
                nextSubscriber += 1
                subscribers[nextSubscriber] = continuation
                continuation.yield(stateJSON())
                return nextSubscriber
            }
            continuation.onTermination = { [weak self] _ in self?.lock.withLock { self?.subscribers[id] = nil } }
        }
    }

    private func broadcast(_ message: String) {
        let targets = lock.withLock { Array(subscribers.values) }
        for continuation in targets { continuation.yield(message) }
    }

    /// `{"generation", "pages": [{"number", "version"}], "outline": [...], "error": {...} | null}` (under the lock).
    private func stateJSON() -> String {
        let object: [String: Any] = [
            "generation": generation,
            "pages": pageVersions.enumerated().map {
                ["number": $0.offset + 1, "version": $0.element, "text": pageTexts.indices.contains($0.offset) ? pageTexts[$0.offset] : ""]
            },
            "outline": outline.map { ["title": $0.title, "level": $0.level, "page": $0.page] },
            "error": error ?? NSNull(),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func errorObject(_ error: Error) -> [String: Any] {
        if let diagnostic = (error as? Diagnostic) ?? (error as? DiagnosticList)?.diagnostics.first {
            return ["file": diagnostic.location.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
                    "message": diagnostic.message, "text": diagnostic.description]
        }
        return ["message": "\(error)", "text": "folio: error: \(error)"]
    }
}
