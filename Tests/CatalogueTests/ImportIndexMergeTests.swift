@testable import Catalogue
import Foundation
import Testing

@Suite("Import: the full-text index merged")
struct ImportIndexMergeTests {
    /// `count` one-copy books, numbered from `first`, each with words of its own.
    static func books(_ count: Int, from first: Int = 0) -> String {
        "title,authors,barcode,location\n"
            + (first..<first + count).map { n in "Treatise \(n) on word\(n) law,\"Author\(n), A.\",M\(n),London\n" }.joined()
    }

    /// How many segments the full-text index is in (FTS5 keeps a row of `book_fts_idx` a leaf page of each).
    static func segments(_ catalogue: CatalogueDatabase) throws -> Int {
        try catalogue.read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM book_fts_idx") ?? 0 }
    }

    @Test("Given a catalogue with books, when a large import is stored, then the index is merged into one segment and finds old and new books")
    func largeImportMerges() throws {
        let catalogue = try temporaryCatalogue()
        _ = try importText(Self.books(10), into: catalogue)
        let report = try importText(Self.books(Self.large, from: 10), into: catalogue)
        #expect(report.booksAdded == Self.large)
        #expect(try Self.segments(catalogue) == 1)
        #expect(try catalogue.search("word3").books.first?.book.fields.title == "Treatise 3 on word3 law")
        #expect(try catalogue.search("word10009").books.first?.book.fields.title == "Treatise 10009 on word10009 law")
        #expect(try catalogue.check().isClean)
    }

    @Test("Given a catalogue with books, when a small import is stored, then its books are a segment of their own (the index is not rewritten)")
    func smallImportAddsASegment() throws {
        let catalogue = try temporaryCatalogue()
        _ = try importText(Self.books(10), into: catalogue)
        _ = try importText(Self.books(10, from: 10), into: catalogue)
        #expect(try Self.segments(catalogue) == 2)
        #expect(try catalogue.search("word15").books.count == 1)
    }

    static let large = LiftedBookTriggers.booksWorthMerging
}
