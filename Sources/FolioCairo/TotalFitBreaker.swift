/// Knuth–Plass total-fit line breaking over measured widths: chooses the breaks of a whole
/// paragraph at once, minimising the sum of each line's demerits, instead of filling one line at a
/// time. Knows nothing of Pango: it sees byte positions, prefix sums of advances and a list of
/// break candidates (`PangoMeasurer+TotalFit` builds them from Pango's log attributes).
///
/// Justified lines stretch or shrink their spaces (badness 100·|r|³ of the adjustment ratio r);
/// ragged lines cost the square of the room they leave. Hyphenation points are penalised,
/// consecutive hyphens and abrupt changes of tightness cost extra, as in TeX.
struct TotalFitBreaker {
    /// A place where a line may end.
    struct Candidate: Equatable {
        /// Byte where the next line starts.
        var position: Int
        /// Byte where this line's visible content ends (before trailing spaces and newlines).
        var contentEnd: Int
        /// Width added when breaking here (the hyphen drawn at a hyphenation point).
        var extraWidth: Double = 0
        var penalty: Double = 0
        /// A hyphenation point (two in a row cost `consecutiveHyphenDemerits`).
        var flagged = false
        /// A mandatory break (a newline, the paragraph's end): every line before it ends here.
        var forced = false
        /// A break inside a word, not at an allowed point: only in the last pass, and its line is ragged.
        var emergency = false
    }

    enum Mode { case justified, ragged }

    struct Settings {
        var mode: Mode = .justified
        /// How far a space may stretch and shrink, as a share of its natural width.
        var stretch = 0.5
        var shrink = 0.25
        var linePenalty = 10.0
        var consecutiveHyphenDemerits = 3000.0
        var fitnessDemerits = 3000.0
        /// Badness limits of the passes tried in turn; after them, a last pass that may also break
        /// inside words (emergency candidates), for a token wider than the line.
        var tolerances: [Double] = [100, 400, .infinity]
    }

    /// Prefix sums per byte: `advance[b]` is the width of every cluster starting before byte `b`.
    let advance: [Double]
    /// Prefix sums of the widths of spaces (the glue that stretches and shrinks).
    let spaceAdvance: [Double]
    let width: Double
    let settings: Settings

    private struct Node {
        let candidate: Int  // -1: the paragraph's start
        let start: Int
        let line: Int
        let fitness: Int
        let demerits: Double
        let previous: Int?
        let flagged: Bool
    }

    /// The indices into `candidates` of the chosen breaks (the last is the paragraph's end), or nil
    /// when no pass finds breaks that keep every line within the width.
    func breaks(_ candidates: [Candidate], start: Int = 0) -> [Int]? {
        guard !candidates.isEmpty else { return nil }
        for tolerance in settings.tolerances {
            if let found = run(candidates, start: start, tolerance: tolerance, emergency: false) { return found }
        }
        return run(candidates, start: start, tolerance: .infinity, emergency: true)
    }

    func run(_ candidates: [Candidate], start: Int, tolerance: Double, emergency: Bool) -> [Int]? {
        var nodes = [Node(candidate: -1, start: start, line: 0, fitness: 1, demerits: 0, previous: nil, flagged: false)]
        var active = [0]
        for (index, candidate) in candidates.enumerated() {
            if candidate.emergency && !emergency { continue }
            var best: [(demerits: Double, node: Int)?] = [nil, nil, nil, nil]
            var keep: [Int] = []
            keep.reserveCapacity(active.count)
            for nodeIndex in active {
                let node = nodes[nodeIndex]
                guard candidate.position > node.start else { keep.append(nodeIndex); continue }
                let natural = advance[candidate.contentEnd] - advance[node.start] + candidate.extraWidth
                let spaces = spaceAdvance[candidate.contentEnd] - spaceAdvance[node.start]
                guard let (badness, fitness) = fit(natural: natural, spaces: spaces, candidate: candidate) else {
                    // Too wide: no later break from this node can fit either.
                    continue
                }
                if !candidate.forced { keep.append(nodeIndex) }
                guard badness <= tolerance else { continue }
                var demerits = pow2(settings.linePenalty + badness)
                if candidate.penalty > 0 { demerits += pow2(candidate.penalty) }
                if candidate.flagged && node.flagged { demerits += settings.consecutiveHyphenDemerits }
                if abs(fitness - node.fitness) > 1 { demerits += settings.fitnessDemerits }
                let total = node.demerits + demerits
                if best[fitness].map({ total < $0.demerits }) ?? true { best[fitness] = (total, nodeIndex) }
            }
            active = keep
            for fitness in 0..<4 {
                guard let (total, from) = best[fitness] else { continue }
                nodes.append(Node(candidate: index, start: candidate.position, line: nodes[from].line + 1, fitness: fitness,
                                  demerits: total, previous: from, flagged: candidate.flagged))
                active.append(nodes.count - 1)
            }
            if active.isEmpty { return nil }
        }
        let last = candidates.count - 1
        guard let end = active.filter({ nodes[$0].candidate == last }).min(by: { nodes[$0].demerits < nodes[$1].demerits })
        else { return nil }
        var chosen: [Int] = []
        var cursor: Int? = end
        while let current = cursor, nodes[current].candidate >= 0 {
            chosen.append(nodes[current].candidate)
            cursor = nodes[current].previous
        }
        return chosen.reversed()
    }

    /// The badness and fitness class of a line of `natural` width, or nil when it cannot fit.
    private func fit(natural: Double, spaces: Double, candidate: Candidate) -> (Double, Int)? {
        let room = width - natural
        let tiny = 0.01
        if candidate.emergency || settings.mode == .ragged {
            guard room >= -tiny else { return nil }
            if candidate.forced { return (0, 2) }
            // Linear in the room left, so that the demerits, squared, add up the squared raggedness.
            let share = room / max(width * 0.12, 1)
            return (min(100 * share, 1e7), 2)
        }
        if room < -tiny {
            let shrink = spaces * settings.shrink
            guard shrink > 0, -room <= shrink + tiny else { return nil }
            let ratio = room / shrink
            return (100 * abs(ratio * ratio * ratio), ratio < -0.5 ? 3 : 2)
        }
        if candidate.forced { return (0, 2) }
        let stretch = spaces * settings.stretch
        guard stretch > 0 else { return room <= tiny ? (0, 2) : (1e7, 0) }
        let ratio = room / stretch
        let badness = min(100 * ratio * ratio * ratio, 1e7)
        return (badness, ratio > 1 ? 0 : ratio > 0.5 ? 1 : 2)
    }

    private func pow2(_ value: Double) -> Double { value * value }
}
