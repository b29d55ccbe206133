import CLibYAML

/// Reads a YAML text's events before Yams composes it, and refuses, at the exact event, what the
/// tree must not hold: aliases that multiply it past `maximumNodes` (a "billion laughs" of a few
/// hundred bytes), nesting deeper than `maximumDepth` (aliases included), duplicate keys, and every
/// syntax or reading error libyaml finds.
///
/// Yams would expand the aliases as it composes, and hash alias keys whole when checking for
/// duplicates, so a file of nested aliases would spin there before any check could see the tree.
struct YAMLEventCheck {
    let positions: YAMLPositions
    let maximumNodes: Int
    let maximumDepth: Int

    /// The expanded size and height of an anchored node.
    private struct Anchored { let size: Int; let height: Int }

    /// An open sequence or mapping.
    private struct Frame {
        let isMapping: Bool
        let anchor: String?
        /// Whether the mapping's next node is a key.
        var expectingKey = true
        /// Its scalar keys so far (tag and text).
        var keys: Set<String> = []
        /// Nodes it holds once aliases are expanded, itself included; its height.
        var size = 1
        var height = 1
    }

    private struct Failure: Error { let diagnostic: Diagnostic }

    func run(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Diagnostic.error(at: positions.location(line: 1, column: 1), "cannot start the YAML reader")
        }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            try readEvents(&parser)
        }
    }

    private func readEvents(_ parser: inout yaml_parser_t) throws {
        var anchors: [String: Anchored] = [:]
        var frames: [Frame] = []
        var total = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError(parser) }
            defer { yaml_event_delete(&event) }
            let at = positions.location(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var finished: (size: Int, height: Int)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                try checkDepth(frames.count + 1, at: at)
                if let top = frames.last, top.isMapping, top.expectingKey {
                    let value = Self.string(scalar.value, length: scalar.length)
                    let key = (Self.string(scalar.tag) ?? "") + "\u{0}" + value
                    if !frames[frames.count - 1].keys.insert(key).inserted {
                        throw Diagnostic.error(at: at, "duplicate key '\(Self.shortened(value))'")
                    }
                }
                if let anchor = Self.string(scalar.anchor) { anchors[anchor] = Anchored(size: 1, height: 1) }
                total += 1
                finished = (1, 1)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                try checkDepth(frames.count + 1, at: at)
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? Self.string(event.data.mapping_start.anchor) : Self.string(event.data.sequence_start.anchor)
                frames.append(Frame(isMapping: isMapping, anchor: anchor))
                total += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = frames.popLast() else { continue }
                if let anchor = frame.anchor { anchors[anchor] = Anchored(size: frame.size, height: frame.height) }
                finished = (frame.size, frame.height)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else { throw Diagnostic.error(at: at, "undefined alias '*\(Self.shortened(name))'") }
                try checkDepth(frames.count + target.height, at: at)
                total += target.size
                if total > maximumNodes {
                    throw Diagnostic.error(at: at, "the alias '*\(Self.shortened(name))' expands the YAML past \(maximumNodes) values",
                                           hints: ["an alias repeats what its anchor holds; aliases of aliases multiply it (a \"billion laughs\")"])
                }
                finished = (target.size, target.height)
            default:
                break
            }
            if let finished, !frames.isEmpty {
                let top = frames.count - 1
                frames[top].size += finished.size
                frames[top].height = max(frames[top].height, finished.height + 1)
                if frames[top].isMapping { frames[top].expectingKey.toggle() }
            }
        }
    }

    private func checkDepth(_ depth: Int, at location: SourceLocation) throws {
        guard depth > maximumDepth else { return }
        throw Diagnostic.error(at: location, "YAML nested deeper than \(maximumDepth) levels")
    }

    /// A diagnostic for the reading, scanning or parsing error libyaml stopped at.
    private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = Self.string(parser.problem) ?? "unreadable YAML"
        if parser.error == YAML_READER_ERROR {
            let hex = String(parser.problem_value, radix: 16, uppercase: true)
            let value = parser.problem_value >= 0 ? " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))" : ""
            return .error(at: positions.location(byteOffset: parser.problem_offset), "invalid YAML: \(problem)\(value)")
        }
        // The context names what was open (a quoted scalar, a flow sequence) and where it opened.
        let opened = positions.location(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
        let context = Self.string(parser.context).map { " (\($0) that opens at \(opened.line):\(opened.column))" } ?? ""
        if problem == "found unexpected end of stream", parser.context.map({ String(cString: $0).contains("quoted scalar") }) == true {
            // The file ends inside quotes: the opening quote is the place to fix.
            return .error(at: opened, "invalid YAML: a quoted string that is never closed (the text ends first)")
        }
        let mark = parser.problem_mark
        return .error(at: positions.location(line: Int(mark.line) + 1, column: Int(mark.column) + 1),
                      "invalid YAML: \(problem)\(context)")
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// `text` cut to a length fit for a message.
    static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}
