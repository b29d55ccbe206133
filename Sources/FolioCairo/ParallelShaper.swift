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

    /// Starts taking requests from `queue` in the background; `finish` waits for its answers.
    func start(_ queue: TextQueue) -> Pending {
        let pending = Pending()
        measurer.fonts.followCatalog()
        pending.done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [measurer] in
            pending.answers = queue.answer(with: measurer)
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

/// Requests handed out one at a time to whichever thread is free, so both finish together.
final class TextQueue: @unchecked Sendable {
    let requests: [TextRequest]
    private var next = 0
    private let lock = NSLock()

    /// `requests` with those that need no hyphenation first (patterns may still be loading).
    init(_ requests: [TextRequest]) {
        self.requests = requests.filter { !$0.hyphenates } + requests.filter(\.hyphenates)
    }

    /// Shapes requests until none are left; returns them by index.
    func answer(with measurer: PangoMeasurer) -> [(Int, TextResult)] {
        var answers: [(Int, TextResult)] = []
        while let index = take() { answers.append((index, measurer.shape(requests[index]))) }
        return answers
    }

    private func take() -> Int? {
        lock.withLock {
            guard next < requests.count else { return nil }
            next += 1
            return next - 1
        }
    }
}

/// What a `TextRequest` is answered with.
enum TextResult {
    case line(TextLine)
    case paragraph([TextLine])
}

extension TextRequest {
    var spans: [TextSpan] {
        switch self {
        case .line(let spans, _): spans
        case .paragraph(let paragraph, _): paragraph.spans
        }
    }

    /// Whether shaping it needs hyphenation patterns (which may still be loading).
    var hyphenates: Bool {
        if case .paragraph(let paragraph, _) = self { return paragraph.hyphenate }
        return false
    }
}
