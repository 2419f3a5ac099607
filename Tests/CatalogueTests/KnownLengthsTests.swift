// lawcat_bm25, the ranking searches use (KnownLengths.swift): it must score
// every book exactly as FTS5's bm25() scored it over the four text columns
// (the index before v11 added the edition and year), with editions and years
// asked for beside the words and left unscored, whether the lengths are
// known or not, and read the lengths again when the index changes.
@testable import Catalogue
import Foundation
import GRDB
import Testing

@Suite("Ranking with the books' lengths known", .enabled(if: lawCatalogue != nil))
struct KnownLengthsTests {
    /// Words and expressions the searches ask FTS5 for: common and rare words, several phrases, a
    /// column, an OR, a prefix; some with an edition or year as the search asks for it.
    static let matches: [(filter: SearchQuery.Term?, words: String)] = [
        (nil, "\"law\""), (nil, "\"history\""), (nil, "\"contract\" AND \"law\""),
        (nil, "\"european\" AND \"union\" AND \"law\""), (nil, "\"chitty\""), (nil, "title : (\"trust\")"),
        (nil, "(\"labour\" OR \"labor\") AND \"law\""), (nil, "\"constitut\" *"), (nil, "\"the\""),
        (year(2000), "\"tax\""), (year(1987), "\"law\""), (edition(2, "2nd"), "\"contract\" *"),
    ]

    static func year(_ year: Int) -> SearchQuery.Term {
        SearchQuery.Term(words: [String(year)], column: nil, negated: false, number: year)
    }

    static func edition(_ number: Int, _ typed: String) -> SearchQuery.Term {
        SearchQuery.Term(words: [typed], column: nil, negated: false, number: number)
    }

    /// Each matching book's lawcat_bm25() by rowid, the filter (if any) first in the MATCH as the search puts it.
    static func ours(_ filter: SearchQuery.Term?, _ words: String, _ db: Database) throws -> [Int64: Double] {
        let asked = filter.map(Searcher.numberFilter)
        let match = (asked.map { [$0.expression] } ?? []) + [words]
        let rows = try Row.fetchAll(
            db,
            SQLRequest(literal: """
                SELECT rowid, \(Searcher.score(filters: asked?.phrases ?? 0)) AS score
                FROM book_fts WHERE book_fts MATCH \(match.joined(separator: " AND "))
                """))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["rowid"], $0["score"]) })
    }

    /// bm25() by rowid over `old.book_fts`, the four text columns as the index had them before v11.
    static func reference(_ words: String, _ db: Database) throws -> [Int64: Double] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT rowid, bm25(book_fts, 10.0, 5.0, 2.0, 1.0) AS score FROM old.book_fts WHERE book_fts MATCH ?",
            arguments: [words])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["rowid"], $0["score"]) })
    }

    @Test("Given the 8,595 real records, when each match is scored by lawcat_bm25, with the lengths known and without, then every score is bm25()'s over the text to the bit")
    func sameScores() throws {
        let catalogue = try #require(lawCatalogue)
        try catalogue.writer.writeWithoutTransaction { db in
            try db.execute(sql: """
                ATTACH DATABASE ':memory:' AS old;
                CREATE VIRTUAL TABLE old.book_fts USING fts5(
                  title, authors, subjects, jurisdiction, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
                INSERT INTO old.book_fts(rowid, title, authors, subjects, jurisdiction)
                  SELECT id, title, authors, subjects, jurisdiction FROM main.book;
                """)
            defer { try? db.execute(sql: "DETACH DATABASE old") }
            let known = try catalogue.lengthCache.lengths(db)
            #expect(known.lengths.filter { $0 >= 0 }.count == 8_594)
            var compared = 0
            var filtered = 0
            for (filter, words) in Self.matches {
                let reference = try Self.reference(words, db)
                let without = try Self.ours(filter, words, db)
                let with = try KnownLengthsRegistry.shared.using(known, on: db) { try Self.ours(filter, words, db) }
                #expect(!with.isEmpty, "\(words) matches something")
                #expect(Set(with.keys) == Set(without.keys))
                if filter == nil { #expect(Set(with.keys) == Set(reference.keys), "\(words)") } else { filtered += with.count }
                for (rowid, score) in with.merging(without, uniquingKeysWith: { a, _ in a }) {
                    let expected = try #require(reference[rowid], "\(words): book \(rowid) matches the words")
                    #expect(with[rowid]?.bitPattern == expected.bitPattern, "\(words): \(expected) against \(score) (known)")
                    #expect(without[rowid]?.bitPattern == expected.bitPattern, "\(words): \(expected) against \(score)")
                }
                compared += with.count
            }
            #expect(compared > 5_000)
            #expect(filtered > 20)
        }
    }

    @Test("Given the real records, when only the best N books are asked for, then the first N are those of every book weighed, with the same scores, and many books were never weighed")
    func bestOnly() throws {
        let catalogue = try #require(lawCatalogue)
        try catalogue.read { db in
            var unweighed = 0
            for (filter, words) in Self.matches {
                let asked = filter.map(Searcher.numberFilter)
                let match = ((asked.map { [$0.expression] } ?? []) + [words]).joined(separator: " AND ")
                for best in [1, 5, 56] {
                    func first(_ score: SQL) throws -> [Row] {
                        try Row.fetchAll(
                            db,
                            SQLRequest(literal: """
                                SELECT rowid, \(score) AS score FROM book_fts WHERE book_fts MATCH \(match)
                                ORDER BY score, rowid LIMIT \(best)
                                """))
                    }
                    let all = try first(Searcher.score(filters: asked?.phrases ?? 0))
                    let only = try first(Searcher.score(filters: asked?.phrases ?? 0, best: best))
                    #expect(only == all, "\(words), best \(best)")
                    unweighed += try Int.fetchOne(
                        db,
                        SQLRequest(literal: """
                            SELECT count(*) FROM (SELECT \(Searcher.score(filters: asked?.phrases ?? 0, best: best)) AS score
                            FROM book_fts WHERE book_fts MATCH \(match)) WHERE score = \(KnownLengthsRanking.unweighed)
                            """)) ?? 0
                }
            }
            // Else the bound is never used, and nothing above tests it.
            #expect(unweighed > 10_000)
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
            let known = try KnownLengthsRegistry.shared.using(after, on: db) { try Self.ours(nil, "\"contracts\"", db) }
            let read = try Self.ours(nil, "\"contracts\"", db)
            #expect(known.count == 2 && known == read)
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
