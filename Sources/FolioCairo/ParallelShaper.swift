import FolioBundle
import Dispatch
import FolioDisplay
import Foundation

/// Shapes part of a batch of text requests on another thread, with its own font map (Pango font
/// maps are not thread-safe; two, one per thread, are). Its lines use the renderer's shared font
/// handles and hyphenation patterns, so they are interchangeable with the main measurer's.
final class ParallelShaper: @unchecked Sendable {
    let measurer: PangoMeasurer

    init(sharingWith main: PangoMeasurer) throws {
        measurer = PangoMeasurer(fonts: try main.fonts.sibling(), hyphenation: main.hyphenation, shapesInParallel: false)
    }

    /// Starts taking requests from `queue` on a thread of its own (never waiting for a pool thread
    /// another task holds); `finish` waits for its answers.
    func start(_ queue: TextQueue) -> Pending {
        let pending = Pending()
        measurer.fonts.followCatalog()
        pending.done.enter()
        // The helper's measurer (and its font map) is used by this thread alone until `finish`
        // returns; the shaper, not the measurer, crosses threads.
        HelperThread.start { [self] in
            pending.answers = queue.answer(with: self.measurer)
            pending.done.leave()
        }
        return pending
    }

    final class Pending: @unchecked Sendable {
        let done = DispatchGroup()
        var answers: [(Int, TextResult)] = []

        func finish() -> [(Int, TextResult)] {
            done.wait()
            return answers
        }
    }
}
