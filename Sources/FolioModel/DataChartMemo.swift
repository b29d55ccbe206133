import Foundation

/// Chart fences read once per document. A layout reads each `chart` fence twice (the dry run that
/// finds the text to shape ahead, then the real pass) and a 100,000-row fence took a third of the
/// chart's time to read; the read depends only on the fence and the data, so it is kept here.
/// Shared by copies of the data set, like `DataReads`.
public final class DataChartMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var charts: [ChartBlock: DataChart] = [:]

    public init() {}

    /// The chart read from `block` before, or `read()`'s (kept when it succeeds).
    func chart(for block: ChartBlock, read: () throws -> DataChart) throws -> DataChart {
        if let known = lock.withLock({ charts[block] }) { return known }
        let chart = try read()
        lock.withLock { charts[block] = chart }
        return chart
    }
}
