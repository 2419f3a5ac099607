import Foundation
import GRDB

/// Where a copy stands: on the shelf, on loan, missing, or withdrawn.
public enum CopyStatus: String, Codable, Sendable, CaseIterable {
    case onShelf = "on-shelf"
    case onLoan = "on-loan"
    case missing
    case withdrawn
}

/// A physical volume of a book, with where it belongs and where it is now.
public struct CopySummary: Hashable, Sendable, Codable {
    public var barcode: String
    public var status: CopyStatus
    /// Where the copy is now, when known.
    @Nullable public var location: String?
    /// Where the copy belongs.
    public var home: String
    @Nullable public var borrower: String?
    /// The due date of the current loan, `YYYY-MM-DD`.
    @Nullable public var due: String?
    /// When the copy's current status or place began (UTC ISO 8601).
    @Nullable public var since: String?
}

/// Read from a row by its Decodable conformance: the columns are named as the JSON keys.
extension CopySummary: FetchableRecord {
    /// The columns and joins that make a `CopySummary` from the `copy` table aliased `c`.
    static let selection = """
        SELECT c.book_id, c.barcode, c.status, here.path AS location, home.path AS home,
               p.name AS borrower, c.due, c.since
        FROM copy c
        JOIN location home ON home.id = c.home_id
        LEFT JOIN location here ON here.id = c.location_id
        LEFT JOIN person p ON p.id = c.borrower_id
        """
}

/// A book with all its copies: what `show` and `search` answer.
public struct BookDetails: Hashable, Sendable, Identifiable {
    public var book: Book
    public var copies: [CopySummary]
    public var id: Int64 { book.id }
}

extension BookDetails: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, title, authors, subjects, date, edition, jurisdiction, isbn, copies
    }

    /// Every key is always present: absent values are `null` or `[]`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let f = book.fields
        try c.encode(book.id, forKey: .id)
        try c.encode(f.title, forKey: .title)
        try c.encode(f.authors, forKey: .authors)
        try c.encode(f.subjects, forKey: .subjects)
        try c.encode(f.date, forKey: .date)
        try c.encode(f.edition, forKey: .edition)
        try c.encode(f.jurisdiction, forKey: .jurisdiction)
        try c.encode(f.isbn, forKey: .isbn)
        try c.encode(copies, forKey: .copies)
    }
}
