import Foundation
import FolioDisplay

/// Requests handed out one at a time to whichever thread is free, so both finish together. A
/// queue made empty is filled while it is answered (`add`, then `close`).
final class TextQueue: @unchecked Sendable {
    /// Every request so far; read only once the queue is closed (or was made full).
    private(set) var requests: [TextRequest]
    /// The requests in the order they are handed out: for a full queue, those that need no
    /// hyphenation first (patterns may still be loading); a filled one in the order they came.
    private var order: [Int]
    private var next = 0
    private var open: Bool
    private let condition = NSCondition()

    init(_ requests: [TextRequest]) {
        self.requests = requests
        let indices = requests.indices
        order = requests.contains(where: \.hyphenates)
            ? indices.filter { !requests[$0].hyphenates } + indices.filter { requests[$0].hyphenates } : Array(indices)
        open = false
    }

    /// An empty queue for `add` to fill until `close`; those answering it wait for more meanwhile.
    init() {
        requests = []
        order = []
        open = true
    }

    func add(_ request: TextRequest) {
        condition.lock()
        requests.append(request)
        order.append(requests.count - 1)
        condition.signal()
        condition.unlock()
    }

    /// No more requests: those answering finish what is left.
    func close() {
        condition.lock()
        open = false
        condition.broadcast()
        condition.unlock()
    }

    /// Shapes requests until none are left (and the queue is closed); returns them by their index in `requests`.
    func answer(with measurer: PangoMeasurer) -> [(Int, TextResult)] {
        condition.lock()
        let expected = requests.count / 2 + 1
        condition.unlock()
        var answers: [(Int, TextResult)] = []
        answers.reserveCapacity(expected)
        while let (index, request) = take() { answers.append((index, measurer.shape(request))) }
        return answers
    }

    private func take() -> (Int, TextRequest)? {
        condition.lock()
        defer { condition.unlock() }
        while next >= order.count && open { condition.wait() }
        guard next < order.count else { return nil }
        next += 1
        let index = order[next - 1]
        return (index, requests[index])
    }
}
