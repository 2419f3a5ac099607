import Foundation
import GRDB

/// What a book is: its title, who wrote it, what it is about, when, which
/// edition and which jurisdiction. The same fields serve `add`, `edit`,
/// import and export.
public struct BookFields: Hashable, Sendable, Codable {
    public var title: String
    public var authors: [String]
    public var subjects: [String]
    /// ISO 8601, possibly partial: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String?
    public var edition: String?
    public var jurisdiction: String?
    public var isbn: String?

    public init(
        title: String, authors: [String] = [], subjects: [String] = [], date: String? = nil,
        edition: String? = nil, jurisdiction: String? = nil, isbn: String? = nil
    ) {
        self.title = title
        self.authors = authors
        self.subjects = subjects
        self.date = date
        self.edition = edition
        self.jurisdiction = jurisdiction
        self.isbn = isbn
    }

    /// The same fields with surrounding spaces trimmed, blank values as nil and
    /// blank list items dropped: how lawcat stores what it is given.
    /// Trimmed, empty lists and fields dropped, and every text in Unicode NFC,
    /// however it came (a CSV saved on a Mac often decomposes `é` into `e` and
    /// a combining accent): one book is one text, so that the same book read
    /// from CSV and from MARC is the same book.
    public var normalised: BookFields {
        BookFields(
            title: title.trimmed.nfc,
            authors: authors.map(\.trimmed.nfc).filter { !$0.isEmpty },
            subjects: subjects.map(\.trimmed.nfc).filter { !$0.isEmpty },
            date: date?.trimmed.nonEmpty,
            edition: edition?.trimmed.nfc.nonEmpty,
            jurisdiction: jurisdiction?.trimmed.nfc.nonEmpty,
            isbn: isbn?.trimmed.nonEmpty)
    }

    /// The fields in Unicode NFD (decomposed), as a lawcat before NFC kept a
    /// CSV's decomposed text; nil when that is the same as these.
    var decomposed: BookFields? {
        // Swift's == takes `é` and `e` with its accent for one string: the scalars tell them apart.
        var changed = false
        func nfd(_ text: String) -> String {
            guard !text.unicodeScalars.allSatisfy({ $0.value < 0xC0 }) else { return text }
            let decomposed = text.decomposedStringWithCanonicalMapping
            if !decomposed.unicodeScalars.elementsEqual(text.unicodeScalars) { changed = true }
            return decomposed
        }
        let fields = BookFields(
            title: nfd(title), authors: authors.map(nfd), subjects: subjects.map(nfd), date: date,
            edition: edition.map(nfd), jurisdiction: jurisdiction.map(nfd), isbn: isbn)
        return changed ? fields : nil
    }
}

/// A book as the catalogue stores it.
public struct Book: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var fields: BookFields
}

extension Book: FetchableRecord {
    public init(row: Row) {
        id = row["id"]
        fields = BookFields(
            title: row["title"],
            authors: JSONList.decode(row["authors"]),
            subjects: JSONList.decode(row["subjects"]),
            date: row["date"], edition: row["edition"], jurisdiction: row["jurisdiction"], isbn: row["isbn"])
    }
}

/// Lists of strings stored as compact JSON arrays (authors, subjects).
enum JSONList {
    /// The list as compact JSON, byte for byte what `JSONEncoder` with
    /// `.withoutEscapingSlashes` writes (`["Beale, Hugh","Chitty, Joseph"]`).
    ///
    /// Written by hand because import encodes two lists a row, and to find an
    /// existing book compares them as text: JSONEncoder's set-up per call cost
    /// more than the rest of a row's work. The bytes must not change, or an
    /// import would no longer recognise books stored before (a test checks
    /// this against JSONEncoder).
    static func encode(_ list: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(list.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, item) in list.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            for byte in item.utf8 {
                switch byte {
                case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
                case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
                case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String?) -> [String] {
        guard let text, let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }
}

extension String {
    /// Without leading and trailing white space (Unicode's White_Space: the
    /// same characters as Foundation's `.whitespacesAndNewlines`).
    ///
    /// In Swift rather than `trimmingCharacters(in:)`, which on Linux goes
    /// through NSString and was a sixth of an import's time: import trims
    /// every field of every row.
    var trimmed: String {
        // Most values have printable ASCII at both ends: nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
    var nonEmpty: String? { isEmpty ? nil : self }
}
