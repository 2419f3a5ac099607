// lawcat_bm25, the ranking `lawcat serve` searches with (KnownLengths.swift):
// it must score every book exactly as FTS5's bm25() does, whether the lengths
// are known or not, and read them again when the index changes.
@testable import Catalogue
import Foundation
import GRDB
import Testing

@Suite("Ranking with the books' lengths known", .enabled(if: lawCatalogue != nil))
struct KnownLengthsTests {
    /// Words and expressions the searches ask FTS5 for: common and rare words, several phrases, a
    /// column, an OR, a prefix.
    static let matches = [
        "\"law\"", "\"history\"", "\"contract\" AND \"law\"", "\"european\" AND \"union\" AND \"law\"", "\"chitty\"",
        "title : (\"trust\")", "(\"labour\" OR \"labor\") AND \"law\"", "\"constitut\" *", "\"the\"", "\"tax\" AND \"2000\"",
    ]

    /// Every matching book's bm25() and lawcat_bm25(), as one statement gives them.
    static func scores(_ match: String, _ db: Database) throws -> [(Double, Double)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT bm25(book_fts, 10.0, 5.0, 2.0, 1.0) AS fts, lawcat_bm25(book_fts, 10.0, 5.0, 2.0, 1.0) AS ours
                FROM book_fts WHERE book_fts MATCH ?
                """, arguments: [match]
        ).map { ($0["fts"], $0["ours"]) }
    }

    @Test("Given the 8,595 real records, when each match is scored both ways, with the lengths known and without, then every score is the same to the bit")
    func sameScores() throws {
        let catalogue = try #require(lawCatalogue)
        try catalogue.read { db in
            let known = try catalogue.lengthCache.lengths(db)
            #expect(known.lengths.filter { $0 >= 0 }.count == 8_594)
            var compared = 0
            for match in Self.matches {
                let without = try Self.scores(match, db)
                let with = try KnownLengthsRegistry.shared.using(known, on: db) { try Self.scores(match, db) }
                #expect(!with.isEmpty, "\(match) matches something")
                for (fts, ours) in without + with {
                    #expect(fts.bitPattern == ours.bitPattern, "\(match): \(fts) against \(ours)")
                }
                compared += with.count
            }
            #expect(compared > 5_000)
        }
    }

    @Test("Given a catalogue whose lengths are kept, when a book's title changes, then the lengths are read again and scores still agree")
    func readAgainAfterAChange() throws {
        let catalogue = try temporaryCatalogue()
        let book = try catalogue.addBook(BookFields(title: "Chitty on Contracts"), copies: [])
        _ = try catalogue.addBook(BookFields(title: "Contracts"), copies: [])
        let before = try catalogue.read { db in try catalogue.lengthCache.lengths(db) }
        #expect(before.length(of: book) == 3)
        var changes = BookChanges()
        changes.title = "Chitty on the Law of Contracts, volume one"
        _ = try catalogue.editBook(String(book), changes: changes)
        try catalogue.read { db in
            let after = try catalogue.lengthCache.lengths(db)
            #expect(after.version != before.version)
            #expect(after.length(of: book) == 8)
            let scores = try KnownLengthsRegistry.shared.using(after, on: db) { try Self.scores("\"contracts\"", db) }
            #expect(scores.count == 2 && scores.allSatisfy { $0.0.bitPattern == $0.1.bitPattern })
        }
    }

    @Test("Given the real records, when searched with the lengths kept and without, then the same books come in the same order")
    func sameResults() throws {
        let catalogue = try #require(lawCatalogue)
        let queries = ["chitty contracts", "law", "history of english law", "constit admin", "labour law", "contrakt 1987",
                       "european union law", "beale hugh", "j:scotland trusts", "tax 2000"]
        let plain = try queries.map { try catalogue.search($0).books.map(\.id) }
        catalogue.keepBookLengths()
        defer { catalogue.keepsLengths.set(false) }
        let kept = try queries.map { try catalogue.search($0).books.map(\.id) }
        #expect(plain == kept)
    }
}
