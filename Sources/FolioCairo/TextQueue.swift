import Foundation
import FolioDisplay

/// Requests handed out one at a time to whichever thread is free, so both finish together.
final class TextQueue: @unchecked Sendable {
    let requests: [TextRequest]
    /// The requests in the order they are handed out: those that need no hyphenation first
    /// (patterns may still be loading).
    private let order: [Int]
    private var next = 0
    private let lock = NSLock()

    init(_ requests: [TextRequest]) {
        self.requests = requests
        let indices = requests.indices
        order = requests.contains(where: \.hyphenates)
            ? indices.filter { !requests[$0].hyphenates } + indices.filter { requests[$0].hyphenates } : Array(indices)
    }

    /// Shapes requests until none are left; returns them by their index in `requests`.
    func answer(with measurer: PangoMeasurer) -> [(Int, TextResult)] {
        var answers: [(Int, TextResult)] = []
        answers.reserveCapacity(requests.count / 2 + 1)
        while let index = take() { answers.append((index, measurer.shape(requests[index]))) }
        return answers
    }

    private func take() -> Int? {
        lock.withLock {
            guard next < order.count else { return nil }
            next += 1
            return order[next - 1]
        }
    }
}
