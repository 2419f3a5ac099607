/// One MARC 21 bibliographic record as lawcat reads and writes it: the
/// leader, then fields in the order the record gives them.
///
/// The same value comes out of both readers (ISO 2709 and MARCXML) and goes
/// into both writers, so that the mapping to a book (MARCBookMapping) and
/// from one (MARCBookRecord) is written once. Text is Unicode already: the
/// ISO 2709 reader decodes UTF-8 or MARC-8 as it builds the record.
struct MARCRecord: Equatable, Sendable {
    /// 24 characters. Positions lawcat looks at: 09 (character coding).
    var leader: String
    var fields: [MARCField] = []

    /// The fields with this tag, in record order.
    func fields(_ tag: String) -> [MARCField] { fields.filter { $0.tag == tag } }
    /// The first field with this tag.
    func first(_ tag: String) -> MARCField? { fields.first { $0.tag == tag } }
}

/// A control field (tags 001-009: data, no indicators or subfields) or a
/// data field (indicators and subfields).
struct MARCField: Equatable, Sendable {
    var tag: String
    /// A control field's data; empty for a data field.
    var data = ""
    var indicator1: Character = " "
    var indicator2: Character = " "
    var subfields: [MARCSubfield] = []

    var isControl: Bool { MARCField.isControlTag(tag) }

    /// 001-009 (and 00A-00Z, which MARC reserves the same way) hold data, not subfields.
    static func isControlTag(_ tag: String) -> Bool { tag.hasPrefix("00") }

    /// The values of the subfields whose codes are in `codes`, in order.
    func values(_ codes: String) -> [String] {
        subfields.compactMap { codes.contains($0.code) ? $0.value : nil }
    }

    /// The first value of subfield `code`.
    func value(_ code: Character) -> String? { subfields.first { $0.code == code }?.value }
}

struct MARCSubfield: Equatable, Sendable {
    var code: Character
    var value: String
}

/// Why a record cannot be read, said so that a cataloguer can find it: the
/// record's number in the file (from 1) and the byte offset where it starts.
struct MARCFault: Error, Equatable, Sendable {
    var record: Int
    var offset: Int
    var reason: String
}
