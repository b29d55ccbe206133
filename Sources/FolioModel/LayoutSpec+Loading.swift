/// Reading layout YAML onto a `LayoutSpec`: keys left out keep the values already there.
extension LayoutSpec {
    static let pageSizes: [String: (Double, Double)] = [
        "A3": (841.89, 1190.55), "A4": (595.276, 841.89), "A5": (419.528, 595.276),
        "Letter": (612, 792), "Legal": (612, 1008),
    ]

    /// Applies every key of a layout file on top of this spec.
    public mutating func apply(_ root: YAMLValue) throws {
        let fields = try root.fields("a layout", allowed: [
            "page", "fonts", "colors", "cover", "toc", "headings", "header", "footer", "text",
            "watermark", "pdf",
        ])
        if let pdf = fields["pdf"] { try applyPDF(pdf) }
        if let page = fields["page"] { try applyPage(page) }
        if let fonts = fields["fonts"] { try applyFonts(fonts) }
        if let colors = fields["colors"] { try applyColors(colors) }
        if let cover = fields["cover"] { self.cover = try cover.bool() }
        if let toc = fields["toc"] { try applyTOC(toc) }
        if let headings = fields["headings"] { try applyHeadings(headings) }
        if let header = fields["header"] { self.header = try Self.furniture(header, base: self.header, what: "the header") }
        if let footer = fields["footer"] { self.footer = try Self.furniture(footer, base: self.footer, what: "the footer") }
        if let text = fields["text"] { try applyText(text) }
        if let watermark = fields["watermark"] { try applyWatermark(watermark) }
    }

    mutating func applyPage(_ value: YAMLValue) throws {
        let fields = try value.fields("page", allowed: ["size", "orientation", "margin", "numbers"])
        if let numbers = fields["numbers"] { try applyPageNumbers(numbers) }
        if let size = fields["size"] {
            if case .sequence = size.node {
                let parts = try size.sequence()
                guard parts.count == 2 else { throw size.error("a page size list needs two lengths: [width, height]") }
                pageWidth = try Length.points(parts[0], allowZero: false)
                pageHeight = try Length.points(parts[1], allowZero: false)
            } else {
                let name = try size.string("a page size")
                guard let match = Self.pageSizes.first(where: { $0.key.lowercased() == name.lowercased() }) else {
                    throw size.error("unknown page size '\(name)'", hints: Suggestions.hint(for: name, in: Array(Self.pageSizes.keys)))
                }
                (pageWidth, pageHeight) = match.value
            }
        }
        if let orientation = fields["orientation"] {
            let text = try orientation.string("portrait or landscape")
            switch text {
            case "portrait": (pageWidth, pageHeight) = (min(pageWidth, pageHeight), max(pageWidth, pageHeight))
            case "landscape": (pageWidth, pageHeight) = (max(pageWidth, pageHeight), min(pageWidth, pageHeight))
            default:
                throw orientation.error("unknown orientation '\(text)'", hints: Suggestions.hint(for: text, in: ["portrait", "landscape"]))
            }
        }
        if let margin = fields["margin"] {
            if case .scalar = margin.node {
                let all = try Length.points(margin)
                margins = Margins(top: all, bottom: all, left: all, right: all)
            } else {
                let sides = try margin.fields("margin", allowed: ["top", "bottom", "left", "right"])
                if let v = sides["top"] { margins.top = try Length.points(v) }
                if let v = sides["bottom"] { margins.bottom = try Length.points(v) }
                if let v = sides["left"] { margins.left = try Length.points(v) }
                if let v = sides["right"] { margins.right = try Length.points(v) }
            }
        }
        guard contentWidth >= 72, contentHeight >= 72 else {
            throw value.error("the margins leave less than 1 inch for text")
        }
    }

    mutating func applyFonts(_ value: YAMLValue) throws {
        let fields = try value.fields("fonts", allowed: ["body", "heading", "mono"])
        if let v = fields["body"] { body = try Self.font(v, base: body) }
        if let v = fields["heading"] { heading = try Self.font(v, base: heading) }
        if let v = fields["mono"] { mono = try Self.font(v, base: mono) }
    }

    static func font(_ value: YAMLValue, base: FontChoice) throws -> FontChoice {
        var font = base
        let fields = try value.fields("a font", allowed: ["family", "size", "weight"])
        if let family = fields["family"] { font.family = try family.string("a font family") }
        if let size = fields["size"] {
            font.size = try Length.points(size, allowZero: false)
            guard font.size >= 4, font.size <= 96 else { throw size.error("font size must be between 4pt and 96pt") }
        }
        if let weight = fields["weight"] {
            let text = try weight.string("a weight")
            let named = ["thin": 100, "light": 300, "regular": 400, "normal": 400, "medium": 500,
                         "semibold": 600, "bold": 700, "heavy": 800, "black": 900]
            if let number = named[text.lowercased()] ?? Int(text), (100...1000).contains(number) {
                font.weight = number
            } else {
                throw weight.error("unknown font weight '\(text)'", hints: Suggestions.hint(for: text, in: Array(named.keys)))
            }
        }
        return font
    }

    mutating func applyColors(_ value: YAMLValue) throws {
        let keys: [String: WritableKeyPath<Colors, String>] = [
            "text": \.text, "accent": \.accent, "muted": \.muted, "rule": \.rule, "quote": \.quoteBackground,
            "table-header": \.tableHeader, "table-stripe": \.tableStripe, "code": \.codeBackground, "link": \.link,
            "note": \.note, "tip": \.tip, "important": \.important, "warning": \.warning, "caution": \.caution,
            "code-keyword": \.codeKeyword, "code-type": \.codeType, "code-string": \.codeString, "code-number": \.codeNumber,
            "code-comment": \.codeComment, "code-function": \.codeFunction, "code-preprocessor": \.codePreprocessor,
        ]
        let fields = try value.fields("colors", allowed: Array(keys.keys) + ["series"])
        if let series = fields["series"] {
            // Data chart series colours, in order: `series: ["#0072b2", "#e69f00"]`.
            colors.series = try series.sequence("a list of colours").map { entry in
                let text = try entry.string("a colour such as #1b1f24")
                guard Self.isHexColor(text), text.count == 7 else { throw entry.error("'\(text)' is not a colour", hints: ["write it as #rrggbb"]) }
                return text
            }
        }
        for name in fields.order where name != "series" {
            guard let entry = fields[name], let path = keys[name] else { continue }
            let text = try entry.string("a colour such as #1b1f24")
            guard Self.isHexColor(text) else { throw entry.error("'\(text)' is not a colour", hints: ["write it as #rrggbb"]) }
            colors[keyPath: path] = text
        }
    }

    static func isHexColor(_ text: String) -> Bool {
        text.hasPrefix("#") && (text.count == 7 || text.count == 4) && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// The standards a layout's PDFs conform to.
    public static let pdfStandardNames = ["ua-1", "a-2b"]

    mutating func applyPDF(_ value: YAMLValue) throws {
        let fields = try value.fields("pdf", allowed: ["standards", "data-tables"])
        if let tables = fields["data-tables"] { pdfDataTables = try tables.bool("true or false") }
        guard let standards = fields["standards"] else { return }
        pdfStandards = []
        for entry in try standards.sequence("a list of standards", allowSingle: true) {
            let name = try entry.string("a PDF standard")
            guard Self.pdfStandardNames.contains(name) else {
                throw entry.error("unknown PDF standard '\(name)' (use \(Self.pdfStandardNames.joined(separator: " or ")))",
                                  hints: Suggestions.hint(for: name, in: Self.pdfStandardNames))
            }
            if !pdfStandards.contains(name) { pdfStandards.append(name) }
        }
    }

    mutating func applyTOC(_ value: YAMLValue) throws {
        if case .scalar = value.node {
            tocDepth = try value.bool("false or { depth: N }") ? max(tocDepth, 1) : 0
            return
        }
        let fields = try value.fields("toc", allowed: ["depth", "title"])
        if let depth = fields["depth"] {
            tocDepth = try depth.int()
            guard (0...6).contains(tocDepth) else { throw depth.error("toc depth must be between 0 and 6") }
        }
        if let title = fields["title"] { tocTitle = try title.string() }
    }

    mutating func applyHeadings(_ value: YAMLValue) throws {
        if case .scalar = value.node {
            if try !value.bool("false or { numbering: \"1.1\" }") { numbering = nil }
            return
        }
        let fields = try value.fields("headings", allowed: ["numbering"])
        if let pattern = fields["numbering"] {
            if let enabled = try? pattern.bool(), !enabled { numbering = nil; return }
            let text = try pattern.string("a numbering pattern such as 1.1")
            guard !text.isEmpty, text.allSatisfy({ $0 == "1" || $0 == "." }), text.first == "1" else {
                throw pattern.error("unknown numbering '\(text)'", hints: ["use 1, 1.1 or 1.1.1, or false"])
            }
            numbering = text
        }
    }

    static func furniture(_ value: YAMLValue, base: Furniture, what: String) throws -> Furniture {
        if case .scalar = value.node, try !value.bool("false or { left, center, right }") {
            return Furniture(left: "", center: "", right: "")
        }
        var result = base
        let fields = try value.fields(what, allowed: ["left", "center", "right"])
        for (key, path) in [("left", \Furniture.left), ("center", \.center), ("right", \.right)] {
            guard let entry = fields.values[key] else { continue }
            let text = entry.isNull ? "" : try entry.string("a template such as \"Page {page}\"")
            try Template.validate(text, at: entry)
            result[keyPath: path] = text
        }
        return result
    }

    mutating func applyText(_ value: YAMLValue) throws {
        let fields = try value.fields("text", allowed: ["justify", "hyphenate", "leading", "columns", "gap"])
        try applyColumns(fields)
        if let v = fields["justify"] { justify = try v.bool() }
        if let v = fields["hyphenate"] { hyphenate = try v.bool() }
        if let v = fields["leading"] {
            leading = try v.double()
            guard (1...3).contains(leading) else { throw v.error("leading must be between 1 and 3") }
        }
    }
}
