/// Page styles of a layout: `{page}` number styles, the watermark, and text columns.
extension LayoutSpec {
    /// How `{page}` is written.
    public enum NumberStyle: String, Hashable, Sendable, CaseIterable {
        case arabic, roman, upperRoman = "Roman"

        /// `number` in this style (roman numerals for 1…3999, arabic beyond).
        public func format(_ number: Int) -> String {
            guard self != .arabic, number > 0, number < 4000 else { return String(number) }
            let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
            var rest = number, text = ""
            for (value, numeral) in table {
                while rest >= value { text += numeral; rest -= value }
            }
            return self == .upperRoman ? text.uppercased() : text
        }
    }

    /// `page: { numbers: { style: arabic, front: roman } }`.
    public struct PageNumbers: Hashable, Sendable {
        /// The body's style.
        public var style: NumberStyle = .arabic
        /// The cover and contents, numbered apart from the body (the body then starts at 1); nil:
        /// one count through the whole document.
        public var front: NumberStyle?
    }

    /// `watermark: { text: DRAFT, color: "#b42318", opacity: 0.12, angle: 45, size: 96pt }`.
    public struct Watermark: Hashable, Sendable {
        public var text = ""
        public var color = "#b42318"
        public var opacity = 0.12
        /// Degrees, counter-clockwise from the baseline (45: rising to the right).
        public var angle = 45.0
        /// Font size in points; nil fits the text to the page's diagonal.
        public var size: Double?
    }

    mutating func applyPageNumbers(_ value: YAMLValue) throws {
        func style(_ entry: YAMLValue) throws -> NumberStyle {
            let text = try entry.string("arabic, roman or Roman")
            guard let style = NumberStyle(rawValue: text) else {
                throw entry.error("unknown page number style '\(text)'",
                                  hints: Suggestions.hint(for: text, in: NumberStyle.allCases.map(\.rawValue)))
            }
            return style
        }
        if case .scalar = value.node {
            pageNumbers.style = try style(value)
            return
        }
        let fields = try value.fields("page numbers", allowed: ["style", "front"])
        if let entry = fields["style"] { pageNumbers.style = try style(entry) }
        if let entry = fields["front"] {
            if let apart = try? entry.bool() {
                pageNumbers.front = apart ? .roman : nil
            } else {
                pageNumbers.front = try style(entry)
            }
        }
    }

    mutating func applyWatermark(_ value: YAMLValue) throws {
        if case .scalar = value.node {
            if let on = try? value.bool() {
                if !on { watermark.text = "" }
            } else {
                watermark.text = try value.string("a watermark text such as DRAFT")
            }
            return
        }
        let fields = try value.fields("watermark", allowed: ["text", "color", "opacity", "angle", "size"])
        if let entry = fields["text"] { watermark.text = try entry.string("a watermark text such as DRAFT") }
        if let entry = fields["color"] {
            let text = try entry.string("a colour such as #b42318")
            guard Self.isHexColor(text) else { throw entry.error("'\(text)' is not a colour", hints: ["write it as #rrggbb"]) }
            watermark.color = text
        }
        if let entry = fields["opacity"] {
            watermark.opacity = try entry.double()
            guard (0...1).contains(watermark.opacity) else { throw entry.error("opacity must be between 0 and 1") }
        }
        if let entry = fields["angle"] {
            watermark.angle = try entry.double()
            guard (-360...360).contains(watermark.angle) else { throw entry.error("angle must be between -360 and 360 degrees") }
        }
        if let entry = fields["size"] {
            let size = try Length.points(entry, allowZero: false)
            guard (4...400).contains(size) else { throw entry.error("watermark size must be between 4pt and 400pt") }
            watermark.size = size
        }
    }

    mutating func applyColumns(_ fields: YAMLFields) throws {
        if let entry = fields["columns"] {
            columns = try entry.int()
            guard (1...4).contains(columns) else { throw entry.error("columns must be between 1 and 4") }
        }
        if let entry = fields["gap"] { columnGap = try Length.points(entry) }
        guard columns == 1 || (contentWidth - columnGap * Double(columns - 1)) / Double(columns) >= 72 else {
            throw (fields["columns"] ?? fields["gap"] ?? fields.owner).error("the columns leave less than 1 inch each")
        }
    }

    /// The width of one text column.
    public var columnWidth: Double {
        columns <= 1 ? contentWidth : (contentWidth - columnGap * Double(columns - 1)) / Double(columns)
    }
}
