// An initial beside a word (`law c`, as search-as-you-type sends it) is a
// condition the index cannot answer, tested on books. The search takes the
// best few books by score and tests those (Searcher.bestByScore); these tests
// hold it to the answer of testing every book with the word.
@testable import Catalogue
import GRDB
import Testing

@Suite("An initial's condition on a book's text")
struct InitialConditionTests {
    @Test("Given names and titles with accents and stops, when an initial is tested, then only words starting with the letter count")
    func wordsAsTheIndexHasThem() {
        let cases: [(letter: String, authors: String, title: String, expected: Bool)] = [
            ("k", #"["Starmer, Keir"]"#, "Human rights", true),
            ("m", #"["Tarahʹkī, Muḥammad Iḥsān"]"#, "", true),
            ("e", #"["École nationale d'administration (France)"]"#, "", true),
            ("q", #"["Kābul Pohantūn. Da Ḥuqūqo aw Siyāsī ʻUlūmo Pohanżay"]"#, "Ḥuqūq-i asāsī", false),
            ("x", #"["Vietnam"]"#, "Luật thương mại của nước Cộng hòa Xã hội", false),
            ("c", #"["Bellamy, Christopher"]"#, "E.C. merger control", true),
            ("c", #"["Whish, Richard"]"#, "E.C. merger control", true),
            ("r", #"["Whish, Richard"]"#, "Competition law", true),
            ("w", #"["Bellamy, Christopher"]"#, "Competition law", false),
        ]
        for (letter, authors, title, expected) in cases {
            #expect(PersonalNames.hasInitial(letter, authors: authors, title: title, subjects: "[]") == expected, "\(letter): \(authors) \(title)")
        }
    }
}

@Suite("An initial beside a word, on 8,595 real law records", .enabled(if: lawCatalogue != nil))
struct SearchInitialBesideWordTests {
    let catalogue = lawCatalogue!

    /// The first `limit` books with `word` whose authors, title or subjects meet
    /// the initial `letter`, as the full statement orders them: every book with
    /// the word tested and ranked.
    func everyBookTested(word: String, letter: String, limit: Int = 20) throws -> [Int64] {
        let condition = PersonalNames.initialCondition(SearchQuery.Term(words: [letter], column: nil, negated: false))
        return try catalogue.writer.read { db in
            try Int64.fetchAll(
                db,
                SQLRequest(literal: """
                    SELECT f.rowid FROM book_fts f JOIN book b ON b.id = f.rowid
                    WHERE book_fts MATCH \("(" + Words.quoted(word) + ")") AND \(condition)
                    ORDER BY \(Searcher.unavailable), \(Searcher.score(filters: 0)), b.date DESC, f.rowid LIMIT \(limit)
                    """))
        }
    }

    @Test("Given a common word and an initial, when searched, then the books and their order are those of testing every book with the word")
    func sameAsEveryBookTested() throws {
        // Common letters (most of the best few meet them), a rarer one (more are asked for),
        // and one that few books meet (the full statement answers).
        for (word, letter) in [("law", "c"), ("law", "m"), ("contracts", "b"), ("england", "s"), ("law", "q"), ("law", "x")] {
            let expected = try everyBookTested(word: word, letter: letter)
            let found = try catalogue.search("\(word) \(letter)").books.map(\.id)
            #expect(found == expected, "\(word) \(letter)")
        }
        // The common cases fill a page, so the order of a whole page is compared.
        #expect(try everyBookTested(word: "law", letter: "c").count == 20)
        #expect(try everyBookTested(word: "law", letter: "q").count == 20)
    }
}
