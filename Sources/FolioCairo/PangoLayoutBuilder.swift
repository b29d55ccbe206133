import CPangoCairo
import FolioDisplay

/// Builds a Pango layout from styled spans: one attribute run per span, byte offsets tracked.
struct PangoLayoutBuilder {
    let fonts: FontEnvironment

    /// A layout and the UTF-8 byte range of each span within its text.
    struct Built {
        let layout: OpaquePointer
        let text: [UInt8]
        let spanRanges: [Range<Int>]
    }

    /// The UTF-8 text of `spans`, one after another, and each span's byte range in it.
    static func joined(_ spans: [TextSpan]) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for span in spans {
            let start = bytes.count
            bytes.append(contentsOf: span.text.utf8)
            ranges.append(start..<bytes.count)
        }
        return (bytes, ranges)
    }

    /// A new layout (the caller owns it: `g_object_unref`) holding `spans`. No line breaks inside
    /// the `unbreakable` byte ranges (total fit lays out its chosen lines so); no hyphen drawn at a
    /// break inside code, URLs, or any span of a `preformatted` paragraph.
    func make(_ spans: [TextSpan], lang: String, unbreakable: [Range<Int>] = [], preformatted: Bool = false) -> Built? {
        guard let layout = pango_layout_new(fonts.context) else { return nil }
        let (bytes, ranges) = Self.joined(spans)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                pango_layout_set_text(layout, chars.baseAddress, Int32(chars.count))
            }
        }
        guard let attributes = pango_attr_list_new() else { return Built(layout: layout, text: bytes, spanRanges: ranges) }
        if let language = pango_language_from_string(lang) {
            insert(pango_attr_language_new(language), into: attributes, range: 0..<bytes.count)
        }
        for (span, range) in zip(spans, ranges) where !range.isEmpty {
            if let description = fonts.description(for: span.style.font, scripts: ScriptFonts.of(span.text)) {
                insert(pango_attr_font_desc_new(description), into: attributes, range: range)
            }
            let color = span.style.color
            insert(pango_attr_foreground_new(channel(color.red), channel(color.green), channel(color.blue)),
                   into: attributes, range: range)
            if color.alpha < 1 {
                insert(pango_attr_foreground_alpha_new(channel(color.alpha)), into: attributes, range: range)
            }
            if span.style.underline {
                insert(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), into: attributes, range: range)
            }
            if span.style.strikethrough {
                insert(pango_attr_strikethrough_new(1), into: attributes, range: range)
            }
            if span.style.rise != 0 {
                insert(pango_attr_rise_new(PangoUnits.units(span.style.rise)), into: attributes, range: range)
            }
            if let object = span.object { insert(Self.shape(of: object), into: attributes, range: range) }
            let url = URLBreaks.isURL(span)
            if preformatted || url || span.style.background != nil {
                insert(pango_attr_insert_hyphens_new(0), into: attributes, range: range)
            }
            if url {
                for segment in URLBreaks.segments(of: bytes, in: range) {
                    insert(pango_attr_word_new(), into: attributes, range: segment)
                }
            }
        }
        for range in unbreakable where range.count > 1 {
            insert(pango_attr_allow_breaks_new(0), into: attributes, range: range)
        }
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
        return Built(layout: layout, text: bytes, spanRanges: ranges)
    }

    private func channel(_ value: Double) -> UInt16 { UInt16((min(max(value, 0), 1) * 65535).rounded()) }

    private func insert(_ attribute: UnsafeMutablePointer<PangoAttribute>?, into list: OpaquePointer, range: Range<Int>) {
        guard let attribute else { return }
        attribute.pointee.start_index = UInt32(range.lowerBound)
        attribute.pointee.end_index = UInt32(range.upperBound)
        pango_attr_list_insert(list, attribute)
    }
}
