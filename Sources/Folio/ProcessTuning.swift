import CMalloc
import FolioCairo

/// Settings the command line makes for its own process, first thing, before any other thread starts
/// (both change process-wide state that is not safe to change under running threads).
public enum ProcessTuning {
    /// Blocks up to this size come from the heap, not a mapping of their own (glibc's largest).
    static let mmapThreshold: Int32 = 32 << 20
    /// Free memory at the top of the heap kept rather than handed back to the system.
    static let trimThreshold: Int32 = 512 << 20

    /// PDF content is left for qpdf to compress (`PDFWriter.leaveContentCompressionToQPDF`). A
    /// process that renders and exits (`exitsWhenDone`) also keeps the memory it frees: by default
    /// glibc returns the heap's top to the system as soon as it is free and gives each block of
    /// 128 KB or more (a growing array of 40,000 lines) a mapping of its own, so memory that is used,
    /// freed and used again is faulted in again each time (a fifth of a long render's page faults).
    /// Such a process also keeps no fast bins (small freed blocks held apart, unmerged): each free of
    /// a large block walked and merged all of them again, and qpdf's tagging pass frees some 50,000
    /// small objects among large buffers (a 300-page manual: 60 ms of 1.45 s).
    /// A server or a watcher that stays alive keeps glibc's defaults.
    public static func apply(exitsWhenDone: Bool) {
        PDFWriter.leaveContentCompressionToQPDF()
        guard exitsWhenDone else { return }
        mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        mallopt(M_TRIM_THRESHOLD, trimThreshold)
        mallopt(M_MXFAST, 0)
    }
}
