/// What lawcat keeps of a MARC 21 bibliographic record: the fields
/// librarians and the Library of Congress use for a book, and its copies
/// from the holdings fields. The reverse (a book to a record) is
/// MARCBookRecord; the two are written so that a record lawcat exports
/// reads back as the same book.
///
/// - title: 245 $a $b $n $p, joined with spaces, without the ISBD marks that
///   end the last one (` /` before the statement of responsibility, ` :`,
///   `.`, `...`);
/// - authors: 100, 110, 111, 700, 710, 711 ($a $b $c $d $q), in the order
///   the record gives them (the main entry first), each without its closing mark;
/// - subjects: 600, 610, 611, 630, 650, 651 ($a $b $c $d and the
///   subdivisions $v $x $y $z), joined with ` -- `, each part without the
///   full stops around it, as the Library of Congress displays them;
/// - date: 008/07-10 when it is a year (refined by a 264/260 $c that is a
///   full ISO date of that year, as lawcat writes), else the first year in
///   264 or 260 $c;
/// - edition: 250 $a $b; ISBN: the first 020 $a without its qualifier
///   (`(pbk. : alk. paper)`);
/// - jurisdiction: lawcat's own 951 $a if the record has one, else from
///   the LC class, field 043 and the subjects (MARCJurisdiction);
/// - copies: one a holdings field with a barcode (952 $p, 852 $p).
///
/// lawcat's own records (003 `lawcat`) are written without ISBD
/// punctuation, so they are read exactly: nothing is stripped.
enum MARCBookMapping {
    /// The tags the mapping reads: the ISO 2709 reader decodes only these.
    static func wants(_ tag: String) -> Bool { wanted.contains(tag) }

    private static let wanted: Set<String> = [
        "003", "008", "020", "043", "050", "090", "100", "110", "111", "245", "250", "260", "264",
        "600", "610", "611", "630", "650", "651", "700", "710", "711", "852", "951", "952",
    ]
    static let authorTags: Set<String> = ["100", "110", "111", "700", "710", "711"]
    static let subjectTags: Set<String> = ["600", "610", "611", "630", "650", "651"]

    /// One copy as a holdings field gives it: the barcode and the home's path.
    struct Holding: Equatable, Sendable {
        var barcode: String
        var home: String
    }

    /// What lawcat's export writes in 003, so that its own records are read
    /// back exactly: it writes each field without ISBD punctuation, so a
    /// title that really ends in a full stop (`... Q.C.`) keeps it.
    static let ownMark = "lawcat"

    static func fields(of record: MARCRecord) -> BookFields {
        let exact = record.first("003")?.data == ownMark
        func withoutClosingMark(_ text: String) -> String { exact ? text : Self.withoutClosingMark(text) }
        func withoutFullStops(_ text: String) -> String { exact ? text : Self.withoutFullStops(text) }
        var title: [String] = []
        var authors: [String] = []
        var subjects: [String] = []
        var edition: String?
        var isbn: String?
        var own: String?
        for field in record.fields {
            switch field.tag {
            case "245" where title.isEmpty:
                title = field.values("abnp")
            case let tag where authorTags.contains(tag):
                let name = withoutClosingMark(field.values("abcdq").joined(separator: " "))
                if !name.isEmpty { authors.append(name) }
            case let tag where subjectTags.contains(tag):
                let parts = field.values("abcdvxyz").map(withoutFullStops).filter { exact || !$0.isEmpty }
                if !parts.isEmpty { subjects.append(parts.joined(separator: " -- ")) }
            case "250" where edition == nil:
                edition = field.values("ab").joined(separator: " ").trimmed
            case "020" where isbn == nil:
                isbn = exact ? field.value("a") : field.value("a").map(cleanISBN)
            case "951" where own == nil:
                own = field.value("a")
            default:
                break
            }
        }
        return BookFields(
            title: withoutClosingMark(title.joined(separator: " ")), authors: authors, subjects: subjects,
            date: date(of: record), edition: edition, jurisdiction: exact ? own : own ?? MARCJurisdiction.of(record),
            isbn: isbn)
    }

    /// The copies in the record's holdings fields that carry a barcode, with
    /// each part of the home translated by `locations` (code to path).
    /// Koha's 952: $p barcode, $a home branch, $c shelving location (an item
    /// whose $0 withdrawn status is set is left out, as lawcat's export leaves
    /// out withdrawn copies). The standard 852: $p piece designation, $a and
    /// $b location, $c shelving location.
    static func holdings(of record: MARCRecord, locations: [String: String]) -> [Holding] {
        var holdings: [Holding] = []
        for field in record.fields where field.tag == "952" || field.tag == "852" {
            guard let barcode = field.value("p")?.trimmed, !barcode.isEmpty else { continue }
            if field.tag == "952", let withdrawn = field.value("0")?.trimmed, !withdrawn.isEmpty, withdrawn != "0" {
                continue
            }
            let parts = field.tag == "952" ? field.values("ac") : field.values("abc")
            let home = parts.map { part in
                let code = part.trimmed
                return locations[code] ?? locations[code.uppercased()] ?? code
            }.filter { !$0.isEmpty }.joined(separator: "/")
            holdings.append(Holding(barcode: barcode, home: home))
        }
        return holdings
    }

    /// `text` without the ISBD marks that close it (` /`, ` :`, ` ;`, ` =`,
    /// `,`, `.`, and the `...` of an omission at the end) and the spaces
    /// around them, as the Library of Congress displays a title or name.
    static func withoutClosingMark(_ text: String) -> String {
        trimmingEnd(text, while: { $0 == 0x2F || $0 == 0x3A || $0 == 0x3B || $0 == 0x3D || $0 == 0x2C || $0 == 0x2E }).trimmed
    }

    /// A subject part without the spaces and full stops around it (LC writes
    /// `etc.` at the end of a heading, and displays it without).
    static func withoutFullStops(_ text: String) -> String {
        let end = trimmingEnd(text, while: { $0 == 0x2E })
        // A full stop (or a space) at the start is rare: only then is the front looked at.
        guard let first = end.utf8.first, first == 0x2E || first == 0x20 else { return end.trimmed }
        return String(end.drop { $0 == "." || $0 == " " }).trimmed
    }

    /// `text` without the ASCII marks `isMark` accepts, and blanks, at its end.
    /// On UTF-8 bytes: every mark is ASCII, so a cut never splits a
    /// character, and a text with nothing to cut is returned as it is.
    private static func trimmingEnd(_ text: String, while isMark: (UInt8) -> Bool) -> String {
        let bytes = text.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let before = bytes.index(before: end)
            let byte = bytes[before]
            guard isMark(byte) || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { break }
            end = before
        }
        return end == bytes.endIndex ? text : String(text[..<end])
    }

    /// An ISBN without its qualifier: `0415925657 (pbk. : alk. paper)` is
    /// `0415925657`. What follows the number (or, with no number at the
    /// start, the first parenthesis) is dropped.
    static func cleanISBN(_ text: String) -> String {
        let value = text.trimmed
        let number = value.prefix { $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "x" || $0 == "-") }
        if number.contains(where: \.isNumber) { return String(number) }
        return String(value.prefix { $0 != "(" }).trimmed
    }

    /// 008/07-10 when it is a year; else the first year in 264 or 260 $c.
    static func date(of record: MARCRecord) -> String? {
        let published = record.fields.filter { $0.tag == "264" || $0.tag == "260" }.flatMap { $0.values("c") }
        if let fixed = record.first("008")?.data, fixed.utf8.count >= 11 {
            let year = String(decoding: Array(fixed.utf8)[7..<11], as: UTF8.self)
            if year.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                if let full = published.map(\.trimmed).first(where: { isISODate($0) && $0.hasPrefix(year) }) {
                    return full
                }
                return year
            }
        }
        for text in published {
            if isISODate(text.trimmed) { return text.trimmed }
            if let year = firstYear(in: text) { return year }
        }
        return nil
    }

    /// `YYYY-MM` or `YYYY-MM-DD` (the catalogue's CHECK judges the values).
    private static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7 || bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (0x30...0x39).contains(byte)
        }
    }

    /// The first four digits in a row, not part of a longer number.
    private static func firstYear(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            guard (0x30...0x39).contains(bytes[i]) else { i += 1; continue }
            var j = i
            while j < bytes.count && (0x30...0x39).contains(bytes[j]) { j += 1 }
            if j - i == 4 { return String(decoding: bytes[i..<j], as: UTF8.self) }
            i = j
        }
        return nil
    }
}
