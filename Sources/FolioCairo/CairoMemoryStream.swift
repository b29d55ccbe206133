import CCairo

/// Bytes a Cairo surface writes, kept in memory by C (`folio_memory_stream`): the PDF Cairo writes
/// before it is tagged. Owned here; a surface writing into it keeps it alive (`CairoSurface.pdf(stream:)`).
final class CairoMemoryStream {
    let pointer: UnsafeMutablePointer<folio_memory_stream>

    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: folio_memory_stream(data: nil, size: 0, capacity: 0))
    }

    deinit {
        free(pointer.pointee.data)
        pointer.deallocate()
    }

    /// What was written so far (valid until the next write or `clear`).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: pointer.pointee.data, count: pointer.pointee.size) }

    /// Drops what was written, and the memory.
    func clear() {
        free(pointer.pointee.data)
        pointer.pointee = folio_memory_stream(data: nil, size: 0, capacity: 0)
    }
}
