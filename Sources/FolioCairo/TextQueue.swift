import Foundation
import FolioDisplay

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
