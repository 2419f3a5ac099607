/// What a file of records (MARC 21, MARCXML) hands the import: one book a
/// record with its copies, or a record that cannot be read and why.
///
/// Why a second kind of source beside CSV rows: a record is one book with
/// any number of copies, found by its number in the file and its byte
/// offset rather than a line. Everything after this point (normalising,
/// matching books already present, chunks, the one transaction, the report)
/// is the CSV import's own.
protocol ImportRecordSource: AnyObject {
    /// Reads the file, handing each record to `take` in order, until the
    /// end or until `take` returns false. Throws only when the file as a
    /// whole cannot be read (bad records are handed over as `.refused`).
    func read(_ take: (ImportRecordItem) -> Bool) throws
}

enum ImportRecordItem {
    case book(ImportPlace, fields: BookFields, copies: [ImportRecordCopy], notes: [String])
    case refused(ImportPlace, reason: String)
}

struct ImportRecordCopy: Equatable, Sendable {
    var barcode: String
    var location: String
}

/// Where a record is: its number in the file (from 1), and its byte offset
/// (ISO 2709) or line (MARCXML, whose parser counts lines, not bytes).
public struct ImportPlace: Equatable, Sendable {
    public var record: Int
    public var offset: Int?
    public var line: Int?
}
