/// Everything the briefing's data files define, by id.
public struct DataSet: Sendable {
    /// Data tables (`tables:`), ready to draw.
    public var tables: [String: DataTable] = [:]
    /// Timeline specs (`timelines:`), kept as YAML for the chart stage to read.
    public var timelines: [String: YAMLSpec] = [:]
    /// Org specs (`orgs:`), kept as YAML for the chart stage to read.
    public var orgs: [String: YAMLSpec] = [:]
    /// Files read, for cache keys.
    public var files: [String] = []
    /// Every character above ASCII in the data files (for choosing fonts that can draw them).
    public var characters: Set<UInt32> = []
    /// The cells templates and table fences read (shared by copies of this set).
    public var reads = DataReads()
    /// The chart fences read against this set (shared by copies of this set).
    public var charts = DataChartMemo()

    public init() {}
}

/// A positioned YAML spec (a timeline or org) with its id.
public struct YAMLSpec: @unchecked Sendable {
    public var id: String
    public var value: YAMLValue

    public init(id: String, value: YAMLValue) {
        self.id = id
        self.value = value
    }
}

/// A table from a data file: column names and rows of cell text.
public struct DataTable: Hashable, Sendable {
    public var id: String
    public var title: String?
    public var columns: [String]
    public var rows: [[String]]
    public var location: SourceLocation
    /// Where each row is written (CSV lines, YAML items), when known.
    public var rowLocations: [SourceLocation] = []
    /// The CSV file the table is, when it is one (its cells are fingerprinted one by one in batches).
    public var csvFile: String?
    /// Set on tables `DataCache` keeps (their typed cells are cached too).
    public internal(set) var cacheKey: String?
}
