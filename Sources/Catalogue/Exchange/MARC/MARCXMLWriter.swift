/// Writes records as MARCXML (the MARC 21 slim schema,
/// http://www.loc.gov/MARC21/slim): one `collection`, a `record` a book.
/// Text is escaped for XML; a carriage return is written as `&#13;`, which
/// XML parsers keep (a raw one they turn into a line feed), and the C0
/// control characters XML 1.0 cannot carry at all become U+FFFD.
enum MARCXMLWriter {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n"
    static let footer = "</collection>\n"

    static func record(_ record: MARCRecord) -> String {
        var out = "<record>\n  <leader>\(escape(leader(record)))</leader>\n"
        for field in record.fields {
            if field.isControl {
                out += "  <controlfield tag=\"\(escape(field.tag))\">\(escape(field.data))</controlfield>\n"
                continue
            }
            out += "  <datafield tag=\"\(escape(field.tag))\" ind1=\"\(escape(String(field.indicator1)))\" ind2=\"\(escape(String(field.indicator2)))\">\n"
            for subfield in field.subfields {
                out += "    <subfield code=\"\(escape(String(subfield.code)))\">\(escape(subfield.value))</subfield>\n"
            }
            out += "  </datafield>\n"
        }
        return out + "</record>\n"
    }

    /// The leader as the ISO 2709 record would carry it (length and base address computed).
    private static func leader(_ record: MARCRecord) -> String {
        guard let bytes = try? ISO2709Writer.bytes(record) else { return record.leader }
        return String(decoding: bytes.prefix(24), as: UTF8.self)
    }

    static func escape(_ text: String) -> String { Markup.escaped(text, for: .xml) }
}
