/// The XMP metadata packet of a PDF written to a standard: the document information again (PDF/A
/// wants both to agree) and the `pdfaid` / `pdfuaid` identifiers.
struct XMPPacket {
    let metadata: PDFMetadata
    let producer: String

    var text: String {
        var description = """
              <dc:format>application/pdf</dc:format>
              <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(Self.escape(metadata.title))</rdf:li></rdf:Alt></dc:title>

        """
        if !metadata.author.isEmpty {
            description += "      <dc:creator><rdf:Seq><rdf:li>\(Self.escape(metadata.author))</rdf:li></rdf:Seq></dc:creator>\n"
        }
        if !metadata.subject.isEmpty {
            description += "      <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(Self.escape(metadata.subject))</rdf:li></rdf:Alt></dc:description>\n"
        }
        if !metadata.lang.isEmpty {
            description += "      <dc:language><rdf:Bag><rdf:li>\(Self.escape(metadata.lang))</rdf:li></rdf:Bag></dc:language>\n"
        }
        if !metadata.keywords.isEmpty { description += "      <pdf:Keywords>\(Self.escape(metadata.keywords))</pdf:Keywords>\n" }
        description += "      <pdf:Producer>\(Self.escape(producer))</pdf:Producer>\n"
        if !metadata.creator.isEmpty { description += "      <xmp:CreatorTool>\(Self.escape(metadata.creator))</xmp:CreatorTool>\n" }
        if let date = Self.xmpDate(metadata.date) {
            description += "      <xmp:CreateDate>\(date)</xmp:CreateDate>\n      <xmp:ModifyDate>\(date)</xmp:ModifyDate>\n"
        }
        if metadata.standards.contains(.a2b) {
            description += "      <pdfaid:part>2</pdfaid:part>\n      <pdfaid:conformance>B</pdfaid:conformance>\n"
        }
        if metadata.standards.contains(.ua1) { description += "      <pdfuaid:part>1</pdfuaid:part>\n" }
        return """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about=""
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
        \(description)    </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """
    }

    /// `YYYY-MM-DDThh:mm:ss[Z]` as an XMP date with an explicit zone, or nil when malformed.
    static func xmpDate(_ iso: String) -> String? {
        guard let parts = dateParts(iso) else { return nil }
        return "\(parts.date)T\(parts.time)+00:00"
    }

    /// The same instant as a PDF date (`D:YYYYMMDDhhmmss+00'00'`).
    static func pdfDate(_ iso: String) -> String? {
        guard let parts = dateParts(iso) else { return nil }
        let digits = (parts.date + parts.time).filter(\.isNumber)
        return "D:\(digits)+00'00'"
    }

    private static func dateParts(_ iso: String) -> (date: String, time: String)? {
        let text = iso.hasSuffix("Z") ? String(iso.dropLast()) : iso
        let halves = text.split(separator: "T")
        guard halves.count == 2, halves[0].count == 10, halves[1].count == 8,
              (halves[0] + halves[1]).allSatisfy({ $0.isNumber || $0 == "-" || $0 == ":" }) else { return nil }
        return (String(halves[0]), String(halves[1]))
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
