import Dispatch
import FolioCairo
import FolioDisplay
import Foundation

/// Drawing pages on other threads while this one builds them (layout is not thread-safe).
///
/// That is safe because pages carry pre-shaped glyph runs, whose drawing reads only the font
/// registry (behind its lock) and Cairo scaled fonts (thread-safe). A page that would need Pango to
/// shape while drawing is drawn on the calling thread, once every page before it is done.
extension Renderer {
    /// Builds pages in order on this thread (layout is not thread-safe) and draws them on worker threads,
    /// at most a few pages ahead so memory stays bounded.
    /// Pages whose text was not shaped into glyph runs (an engine fallback) need Pango, which is
    /// not thread-safe: those are drawn here. Rasters in flight stay within `pixelBudget`.
    func drawConcurrently(count: Int, pagePixels: Double, page: (Int) -> Page,
                          draw: @escaping @Sendable (Int, Page) throws -> Void) throws {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let inFlight = max(1, min(workers * 2, Int(Self.pixelBudget / max(pagePixels, 1))))
        try drawPages(count: count, inFlight: inFlight, on: DispatchQueue(label: "folio.pages", attributes: .concurrent),
                      page: page, draw: draw)
    }

    /// Pixels of page rasters held at once while drawing in parallel (about 1.2 GB of ARGB).
    static let pixelBudget = 300_000_000.0

    /// Whether any text item lacks glyph runs (and so would be shaped while drawing).
    static func needsShaping(_ items: [DisplayItem]) -> Bool {
        items.contains { item in
            switch item {
            case .text(let text): return text.line.glyphRuns.isEmpty && !text.line.spans.isEmpty
            case .group(let group): return needsShaping(group.items)
            default: return false
            }
        }
    }

    /// Pages `0..<count` built in order on this thread and drawn in order on one other thread (one
    /// PDF surface takes them one at a time), at most `pagesAhead` pages behind: the thread building
    /// page n + 1 while page n is drawn. A page that needs shaping waits for the pages before it and
    /// is drawn here.
    func drawInOrder(count: Int, page: (Int) -> Page, draw: @escaping @Sendable (Page) throws -> Void) throws {
        try drawPages(count: count, inFlight: Self.pagesAhead, on: DispatchQueue(label: "folio.pdf-pages"), page: page) { try draw($1) }
    }

    /// Builds pages `0..<count` here and draws them on `queue`, at most `inFlight` built and not yet
    /// drawn; a page that needs shaping is drawn here once every page before it is done. The first
    /// error stops the building and is thrown.
    private func drawPages(count: Int, inFlight: Int, on queue: DispatchQueue, page: (Int) -> Page,
                           draw: @escaping @Sendable (Int, Page) throws -> Void) throws {
        let slots = DispatchSemaphore(value: inFlight)
        let group = DispatchGroup()
        let failure = FirstError()
        for index in 0..<count {
            if failure.error != nil { break }
            let built = page(index)
            if Self.needsShaping(built.items) {
                group.wait()
                guard failure.error == nil else { break }
                try draw(index, built)
                continue
            }
            slots.wait()
            group.enter()
            queue.async {
                defer { slots.signal(); group.leave() }
                guard failure.error == nil else { return }
                do { try draw(index, built) } catch { failure.record(error) }
            }
        }
        group.wait()
        if let error = failure.error { throw error }
    }

    /// Pages built ahead of the one being drawn into a PDF.
    static let pagesAhead = 4
}

/// A PDF writer handed to the drawing thread: used by one thread at a time (the drawing queue, or
/// the calling thread once the queue has drained), so never concurrently.
final class PDFPageDrawer: @unchecked Sendable {
    let writer: PDFWriter
    init(_ writer: PDFWriter) { self.writer = writer }
}

/// The first error of concurrent work.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    func record(_ error: Error) { lock.lock(); if stored == nil { stored = error }; lock.unlock() }
}
