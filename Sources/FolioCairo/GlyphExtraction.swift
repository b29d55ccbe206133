import CPangoCairo
import FolioDisplay

/// Reads the shaped glyphs of one Pango line into `GlyphRun`s, one per styled span segment,
/// so drawing needs no second shaping pass.
struct GlyphExtraction {
    let fonts: FontEnvironment
    let built: PangoLayoutBuilder.Built
    let spans: [TextSpan]

    /// Where a soft hyphen (U+00AD, UTF-8 C2 AD) is in `bytes`, if anywhere.
    static func softHyphen(in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= 2 else { return nil }
        for index in 0..<(bytes.count - 1) where bytes[index] == 0xC2 && bytes[index + 1] == 0xAD { return index..<(index + 2) }
        return nil
    }

    /// The line's runs, glyphs moved right by `justification`'s share for the spaces before them and
    /// left by `lead` (the trailing spaces a right-to-left line shows at its left end), Pango units.
    func runs(of line: UnsafeMutablePointer<PangoLayoutLine>, lineEnd: Int, justification: Justification,
              lead: Int32 = 0) -> [GlyphRun] {
        var result: [GlyphRun] = []
        var x: Int32 = 0
        for run in PangoLineRuns(line: line) {
            let item = run.item, glyphString = run.glyphs
            guard let font = item.analysis.font else { continue }
            let count = Int(glyphString.num_glyphs)
            guard count > 0, let infos = glyphString.glyphs, let logClusters = glyphString.log_clusters else { continue }
            let handle = fonts.handle(for: font)
            let backward = item.analysis.level % 2 == 1
            let itemStart = Int(item.offset), itemEnd = Int(item.offset + item.length)
            // Every cluster start of the item, ascending, to find where each cluster's bytes end.
            var sortedStarts: [Int] = []
            sortedStarts.reserveCapacity(count)
            for index in 0..<count { sortedStarts.append(itemStart + Int(logClusters[index])) }
            sortedStarts.sort()
            var unique = 0
            for start in sortedStarts where unique == 0 || sortedStarts[unique - 1] != start {
                sortedStarts[unique] = start
                unique += 1
            }
            sortedStarts.removeLast(sortedStarts.count - unique)
            func clusterEnd(_ start: Int) -> Int {
                var low = 0, high = sortedStarts.count
                while low < high {
                    let mid = (low + high) / 2
                    if sortedStarts[mid] <= start { low = mid + 1 } else { high = mid }
                }
                return low < sortedStarts.count ? sortedStarts[low] : itemEnd
            }
            var segmentStart = 0
            var segmentX = x
            var glyphX = x
            var positions: [PositionedGlyph] = []
            positions.reserveCapacity(count)
            var segmentSpan = spanIndex(forByte: itemStart + Int(logClusters[0]))
            for index in 0...count {
                let span = index < count ? spanIndex(forByte: itemStart + Int(logClusters[index])) : -1
                if index == count || span != segmentSpan {
                    let left = segmentX + justification.shift(atX: segmentX) - lead
                    let right = glyphX + justification.shift(atX: glyphX) - lead
                    if let run = makeRun(handle: handle, span: segmentSpan, glyphs: segmentStart..<index, positions: positions,
                                         logClusters: logClusters, itemStart: itemStart, clusterEnd: clusterEnd,
                                         x: left, width: right - left, backward: backward, lineEnd: lineEnd, infos: infos) {
                        result.append(run)
                    }
                    segmentStart = index
                    segmentX = glyphX
                    segmentSpan = span
                    positions.removeAll(keepingCapacity: true)
                }
                guard index < count else { break }
                let geometry = infos[index].geometry
                if Self.isDrawable(infos[index].glyph) {
                    let shift = justification.shift(atX: glyphX) - lead
                    positions.append(PositionedGlyph(id: infos[index].glyph,
                                                     x: Float(PangoUnits.points(glyphX + geometry.x_offset + shift)),
                                                     y: Float(PangoUnits.points(geometry.y_offset - run.yOffset))))
                }
                glyphX += geometry.width
            }
            x = glyphX
        }
        return result
    }

    /// Pango's placeholder glyphs (empty, or an unknown character's hex box) are not font glyphs.
    static func isDrawable(_ glyph: UInt32) -> Bool {
        glyph != 0x0FFF_FFFF && glyph & 0x1000_0000 == 0
    }

    func spanIndex(forByte byte: Int) -> Int {
        var low = 0, high = built.spanRanges.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if built.spanRanges[mid].lowerBound <= byte { low = mid } else { high = mid - 1 }
        }
        return max(0, low)
    }

    /// One run for glyphs `glyphs` of an item: soft hyphens resolved and noncharacters left out of
    /// the text, clusters in text order. Pango lists a right-to-left item's glyphs right to left
    /// (last character first); such a run keeps its text in logical order and its clusters in text
    /// order, and Cairo maps them to the glyphs from the end (`backward`).
    private func makeRun(handle: FontHandle, span: Int, glyphs: Range<Int>, positions: [PositionedGlyph],
                         logClusters: UnsafeMutablePointer<Int32>, itemStart: Int, clusterEnd: (Int) -> Int,
                         x: Int32, width: Int32, backward: Bool, lineEnd: Int,
                         infos: UnsafeMutablePointer<PangoGlyphInfo>) -> GlyphRun? {
        guard !glyphs.isEmpty, span >= 0, span < spans.count else { return nil }
        if !backward, let run = plainRun(handle: handle, span: span, glyphs: glyphs, positions: positions, logClusters: logClusters,
                                         itemStart: itemStart, clusterEnd: clusterEnd, x: x, width: width, infos: infos) {
            return run
        }
        var pieces: [(bytes: [UInt8], glyphs: Int32)] = []
        var pendingBytes: [UInt8] = []
        var index = glyphs.lowerBound
        while index < glyphs.upperBound {
            let start = itemStart + Int(logClusters[index])
            var glyphCount: Int32 = 0
            var visible = false
            while index < glyphs.upperBound, itemStart + Int(logClusters[index]) == start {
                if infos[index].geometry.width != 0 { visible = true }
                if Self.isDrawable(infos[index].glyph) { glyphCount += 1 }
                index += 1
            }
            let end = clusterEnd(start)
            var bytes = Array(built.text[min(start, built.text.count)..<min(end, built.text.count)])
            if let hyphen = Self.softHyphen(in: bytes) {
                // A soft hyphen shows as "-" only where the line breaks at it; elsewhere it has no text.
                let atLineEnd = end >= lineEnd - 1 || !bytes[hyphen.upperBound...].contains { $0 != 0x20 && $0 != 0x0A }
                bytes.replaceSubrange(hyphen, with: atLineEnd && visible ? [0x2D] : [])
            }
            bytes = CairoText.sanitized(bytes)
            if bytes.isEmpty && glyphCount == 0 { continue }
            // Right to left, the characters of a cluster drawn with no advance (Noto Naskh's alef after
            // lam) go with the cluster it is drawn over: text extraction spreads a glyph's characters
            // across its width, and only then reads a lam-alef in the right order.
            if backward, glyphCount > 0, !visible {
                pendingBytes = bytes + pendingBytes
                pieces.append(([], glyphCount))
                continue
            }
            if !pendingBytes.isEmpty {
                bytes += pendingBytes
                pendingBytes = []
            }
            pieces.append((bytes, glyphCount))
        }
        if !pendingBytes.isEmpty {
            // Nothing drawn after them: they go with the cluster before (logically after) them.
            if let last = pieces.lastIndex(where: { !$0.bytes.isEmpty }) {
                pieces[last].bytes = pendingBytes + pieces[last].bytes
            } else if let last = pieces.indices.last {
                pieces[last].bytes = pendingBytes
            }
        }
        if backward { pieces.reverse() }
        var text: [UInt8] = []
        text.reserveCapacity(pieces.reduce(0) { $0 + $1.bytes.count })
        for piece in pieces { text += piece.bytes }
        let clusters = pieces.map { GlyphCluster(bytes: Int32($0.bytes.count), glyphs: $0.glyphs) }
        return GlyphRun(font: handle, style: spans[span].style, x: PangoUnits.points(x), width: PangoUnits.points(width),
                        glyphs: positions, text: String(decoding: text, as: UTF8.self), clusters: clusters, backward: backward)
    }

    /// The common case without copying each cluster's bytes: a left-to-right run whose text holds
    /// no soft hyphen and no byte that may start a noncharacter, so it is the source text as is.
    /// Nil when the run needs `makeRun`'s rewriting.
    private func plainRun(handle: FontHandle, span: Int, glyphs: Range<Int>, positions: [PositionedGlyph],
                          logClusters: UnsafeMutablePointer<Int32>, itemStart: Int, clusterEnd: (Int) -> Int,
                          x: Int32, width: Int32, infos: UnsafeMutablePointer<PangoGlyphInfo>) -> GlyphRun? {
        let first = itemStart + Int(logClusters[glyphs.lowerBound])
        let last = itemStart + Int(logClusters[glyphs.upperBound - 1])
        let end = min(clusterEnd(last), built.text.count)
        guard first <= last, first < end else { return nil }
        let bytes = built.text[first..<end]
        // 0xC2 may open a soft hyphen; bytes from 0xEF may open a noncharacter.
        guard !bytes.contains(where: { $0 == 0xC2 || $0 >= 0xEF }) else { return nil }
        var clusters: [GlyphCluster] = []
        clusters.reserveCapacity(glyphs.count)
        var index = glyphs.lowerBound
        var previousStart = first
        while index < glyphs.upperBound {
            let start = itemStart + Int(logClusters[index])
            guard start >= previousStart else { return nil }  // not in text order: let makeRun sort it out
            var glyphCount: Int32 = 0
            while index < glyphs.upperBound, itemStart + Int(logClusters[index]) == start {
                if Self.isDrawable(infos[index].glyph) { glyphCount += 1 }
                index += 1
            }
            clusters.append(GlyphCluster(bytes: Int32(min(clusterEnd(start), end) - start), glyphs: glyphCount))
            previousStart = start
        }
        return GlyphRun(font: handle, style: spans[span].style, x: PangoUnits.points(x), width: PangoUnits.points(width),
                        glyphs: positions, text: String(decoding: bytes, as: UTF8.self), clusters: clusters, backward: false)
    }
}
