/// One laid-out page: its size and what to draw on it, in order.
public struct Page: Hashable, Sendable {
    /// 1-based page number.
    public var number: Int
    public var size: Size
    public var items: [DisplayItem]

    public init(number: Int, size: Size, items: [DisplayItem]) {
        self.number = number
        self.size = size
        self.items = items
    }
}

/// A drawing with its own size: a chart laid out alone or for placing in a page.
public struct Drawing: Hashable, Sendable {
    public var size: Size
    public var items: [DisplayItem]
    public init(size: Size, items: [DisplayItem]) { self.size = size; self.items = items }
}
