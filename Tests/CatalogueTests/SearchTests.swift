@testable import Catalogue
import Foundation
import GRDB
import Testing

/// A small law library to search: each book has something that only it has.
func searchCatalogue() throws -> CatalogueDatabase {
    // 2026-11-26T09:30:00Z: the day overdue is measured against.
    let catalogue = try temporaryCatalogue(clock: .fixed(Date(timeIntervalSince1970: 1_795_685_400)))
    let books: [(BookFields, [NewCopy])] = [
        (BookFields(title: "Chitty on Contracts", authors: ["Chitty, Joseph, -1838", "Beale, H. G. (Hugh G.)"],
                    subjects: ["Contracts -- England"], date: "2023", edition: "35th ed.",
                    jurisdiction: "England and Wales", isbn: "9780414108998"),
         [NewCopy(barcode: "LC0001", location: "London/4F/Commercial"), NewCopy(barcode: "LC0002", location: "Manchester/Library")]),
        (BookFields(title: "Cases on the law of private corporations", authors: ["Chadman, Charles E. (Charles Erehart), 1873-"],
                    subjects: ["Corporation law -- United States"], date: "1909", jurisdiction: "United States"),
         [NewCopy(barcode: "LC0003", location: "Store/Basement")]),
        (BookFields(title: "Gloag and Henderson: The Law of Scotland", authors: ["Gloag, William Murray", "Henderson, R. Candlish"],
                    subjects: ["Law -- Scotland"], date: "2022", edition: "15th ed.", jurisdiction: "Scotland"),
         [NewCopy(barcode: "ED0001", location: "Edinburgh/Library/Bay 3")]),
        (BookFields(title: "Schuldrecht und Vertragsfreiheit", authors: ["Müller, Wulf, 1968-"],
                    subjects: ["Contracts -- Germany"], date: "1999", jurisdiction: "Germany"),
         [NewCopy(barcode: "DE0001", location: "London/Library/Bay 8")]),
        (BookFields(title: "Unfair prejudice in company law", authors: ["Joffe, Victor"],
                    subjects: ["Minority stockholders -- Great Britain"], date: "2015", jurisdiction: "United Kingdom"),
         [NewCopy(barcode: "LC0010", location: "London/4F/Corporate")]),
        (BookFields(title: "Prejudice and the unfair company", authors: ["Other, Ann"], subjects: ["Company law"], date: "2010",
                    jurisdiction: "Northern Ireland"),
         [NewCopy(barcode: "NI0001", location: "Belfast/Library")]),
        (BookFields(title: "Wisconsin contract law handbook", authors: ["Bryant, Edwin E."], subjects: ["Contracts -- Wisconsin"],
                    date: "1899", jurisdiction: "United States - Wisconsin"),
         [NewCopy(barcode: "US0001", location: "Store/Basement")]),
        (BookFields(title: "EU competition law", authors: ["Whish, Richard"], subjects: ["Competition -- European Union"],
                    date: "2021", jurisdiction: "European Union"),
         [NewCopy(barcode: "EU0001", location: "London/4F/Competition")]),
        (BookFields(title: "Contract law in England", authors: ["Treitel, G. H."], subjects: ["Contracts -- England"],
                    date: "2003", jurisdiction: "England and Wales"),
         [NewCopy(barcode: "LC0020", location: "London/4F/Commercial")]),
    ]
    for (fields, copies) in books { _ = try catalogue.addBook(fields, copies: copies) }
    return catalogue
}

func titles(_ result: SearchResult) -> [String] { result.books.map(\.book.fields.title) }

@Suite("Search: forgiving matching")
struct SearchMatchingTests {
    let catalogue: CatalogueDatabase
    init() throws { catalogue = try searchCatalogue() }

    @Test("Given a correctly spelt title word, when searching, then the book is found as an exact match")
    func exact() throws {
        let result = try catalogue.search("chitty")
        #expect(titles(result).first == "Chitty on Contracts")
        #expect(result.exactCount >= 1)
    }

    @Test("Given a 5-8 letter word with one typo (substitution, insertion, deletion, swap), then the book is found")
    func oneTypo() throws {
        for typo in ["chitry", "chittty", "chity", "cihtty", "wisconsni", "scotlnd"] {
            let result = try catalogue.search(typo)
            #expect(!result.books.isEmpty, "nothing for \(typo)")
            #expect(result.exactCount == 0)
        }
        #expect(titles(try catalogue.search("glaog")).first?.hasPrefix("Gloag") == true)
    }

    @Test("Given a word of 9+ letters with two typos, then it is found; a 5-8 letter word with two typos is not")
    func twoTypos() throws {
        #expect(titles(try catalogue.search("corporatoins")).contains("Cases on the law of private corporations"))
        #expect(titles(try catalogue.search("xorporatiomn")).contains("Cases on the law of private corporations"))
        #expect(titles(try catalogue.search("prejudcie")).count == 2)  // 9 letters, one swap
        #expect(titles(try catalogue.search("cbitry")).isEmpty)  // 6 letters, two edits
    }

    @Test("Given a word shorter than 5 letters, then it matches exactly or as a prefix, never through a typo")
    func shortWords() throws {
        #expect(titles(try catalogue.search("lsw")).isEmpty)
        #expect(!titles(try catalogue.search("law")).isEmpty)
    }

    @Test("Given an author's names in any order without initials or dates, then the book is found")
    func names() throws {
        for query in ["chadman", "charles chadman", "chadman charles", "Chadman, Charles", "chadmann charles"] {
            #expect(titles(try catalogue.search(query)).first == "Cases on the law of private corporations", "\(query)")
        }
    }

    @Test("Given case, diacritics and plurals that differ, then they do not matter")
    func folding() throws {
        #expect(titles(try catalogue.search("MULLER")).first == "Schuldrecht und Vertragsfreiheit")
        #expect(titles(try catalogue.search("müller")).first == "Schuldrecht und Vertragsfreiheit")
        #expect(titles(try catalogue.search("contract chitty")).first == "Chitty on Contracts")
        #expect(titles(try catalogue.search("corporation")).contains("Cases on the law of private corporations"))
    }

    @Test("Given a query ending inside a word, then the last word matches as a prefix")
    func lastWordPrefix() throws {
        #expect(titles(try catalogue.search("chitty contr")).first == "Chitty on Contracts")
        #expect(titles(try catalogue.search("wiscon")).first == "Wisconsin contract law handbook")
        // After a space a word is complete: one of fewer than 4 letters is no prefix...
        #expect(titles(try catalogue.search("wis ")).isEmpty)
        // ...and one of 4 letters or more is a prefix in any position, after the whole words.
        #expect(titles(try catalogue.search("wiscon ")).first == "Wisconsin contract law handbook")
        #expect(titles(try catalogue.search("wiscon contr")).first == "Wisconsin contract law handbook")
    }

    @Test("Given a prefix that begins a few catalogue words or many, then it finds the books with words starting so, after whole words, and no word of the stem it does not begin")
    func prefixesFewAndMany() throws {
        let catalogue = try temporaryCatalogue()
        // "Prejudicial" shares Porter's stem with "prejudiced" but does not start with it.
        for title in ["Prejudiced history", "Prejudicedness and history", "Prejudicial history", "Prejudiced historyk", "Employment tribunals"] {
            _ = try catalogue.addBook(BookFields(title: title))
        }
        // Thirty words beginning "widg": more than a prefix is looked up as words one by one.
        for index in 0..<(Searcher.mostExtensions + 10) {
            let suffix = String(UnicodeScalar(UInt8(97 + index % 26))) + String(UnicodeScalar(UInt8(97 + index / 26)))
            _ = try catalogue.addBook(BookFields(title: "Widg\(suffix)et reports"))
        }
        // Given the last word open: the whole word first, then the longer words it begins.
        #expect(Array(titles(try catalogue.search("prejudiced history")).prefix(2)) == ["Prejudiced history", "Prejudiced historyk"])
        // Given every word a prefix: whole words first, then each word's longer ones, never "prejudicial".
        let prefixed = titles(try catalogue.search("prejudiced history "))
        #expect(prefixed.first == "Prejudiced history")
        #expect(Set(prefixed) == ["Prejudiced history", "Prejudicedness and history", "Prejudiced historyk"])
        // Given a fragment typed past its word's stem ("employment" is held as "employ"), then it still finds the word.
        #expect(titles(try catalogue.search("employm")) == ["Employment tribunals"])
        #expect(titles(try catalogue.search("tribunals employm ")) == ["Employment tribunals"])
        // Given a prefix beginning too many words to list, then FTS5's own prefix still finds them all.
        #expect(titles(try catalogue.search("widg reports", limit: 100)).count == Searcher.mostExtensions + 10)
        #expect(titles(try catalogue.search("reports widg", limit: 100)).count == Searcher.mostExtensions + 10)
    }

    @Test("Given a word of 40,000 letters in a title, when a prefix is looked up, then the search still answers")
    func prefixBesideAbsurdWord() throws {
        let catalogue = try temporaryCatalogue()
        _ = try catalogue.addBook(BookFields(title: "Histories of law " + String(repeating: "a", count: 40_000)))
        _ = try catalogue.addBook(BookFields(title: "History of equity"))
        // One look-up a length the index holds, not one a letter (40,000 would pass SQLite's limit of variables).
        #expect(try catalogue.writer.read { db in try Vocabulary.extensions(of: "aaaa", limit: 20, in: db) }?.count == 1)
        #expect(Set(titles(try catalogue.search("history equity"))) == ["History of equity"])
        #expect(titles(try catalogue.search("histor law ")).count == 1)
        #expect(titles(try catalogue.search("aaaa", limit: 5)).count == 1)
    }

    @Test("Given many books with a word, some that cannot be had, then the order is the full ranking's: can be had, score, newest, id")
    func rankingByScoreFirst() throws {
        let catalogue = try temporaryCatalogue()
        // 120 books with "trusts": shorter titles score higher; every third has no date, every fifth no copy.
        for index in 0..<120 {
            let title = "Trusts" + String(repeating: " and equity", count: index % 7) + " \(index)"
            let copies = index % 5 == 0 ? [] : [NewCopy(barcode: "TR\(index)", location: "London")]
            _ = try catalogue.addBook(BookFields(title: title, date: index % 3 == 0 ? nil : "\(1990 + index % 11)"), copies: copies)
        }
        func reference(_ match: String, limit: Int) throws -> [Int64] {
            try catalogue.writer.read { db in
                try Int64.fetchAll(db, SQLRequest(literal: """
                    SELECT f.rowid FROM book_fts f JOIN book b ON b.id = f.rowid WHERE book_fts MATCH \(match)
                    ORDER BY \(Searcher.unavailable), \(Searcher.score(filters: 0)), b.date DESC, f.rowid LIMIT \(limit)
                    """))
            }
        }
        // Given few that cannot be had: the best by score are read and ordered.
        #expect(try catalogue.search("trusts", limit: 20).books.map(\.id) == reference("\"trusts\"", limit: 20))
        #expect(try catalogue.search("trusts", limit: 200).books.map(\.id) == reference("\"trusts\"", limit: 200))
        // Given the best scored withdrawn (titles without "and equity"): past the edge, the full ranking runs.
        for index in stride(from: 0, to: 120, by: 7) where index % 5 != 0 {
            try catalogue.withdraw(barcode: "TR\(index)")
        }
        for index in stride(from: 1, to: 120, by: 7) where index % 5 != 0 {
            try catalogue.withdraw(barcode: "TR\(index)")
        }
        for limit in [5, 20, 60] {
            #expect(try catalogue.search("trusts", limit: limit).books.map(\.id) == reference("\"trusts\"", limit: limit), "limit \(limit)")
        }
    }

    @Test("Given exact and fuzzy hits, then every exact hit ranks above every fuzzy-only one")
    func exactBeforeFuzzy() throws {
        // "contracts" exact; "contract" as a typo of nothing; "contacts" is one edit from "contracts".
        let result = try catalogue.search("contacts")
        #expect(result.exactCount == 0)
        let exact = try catalogue.search("contract")
        #expect(exact.exactCount >= 3)
        // Within the exact group, the title outranks authors and subjects.
        #expect(exact.books.prefix(exact.exactCount).first?.book.fields.title.lowercased().contains("contract") == true)
    }

    @Test("Given a query that matches nothing, then a corrected query is suggested")
    func didYouMean() throws {
        let result = try catalogue.search("glaog hendersno")
        #expect(result.exactCount == 0)
        #expect(result.suggestion == "gloag henderson")
        let nothing = try catalogue.search("zzzzqqq")
        #expect(nothing.books.isEmpty)
    }

    @Test("Given a typo, then the corrections used are reported for highlighting")
    func matchedWords() throws {
        let result = try catalogue.search("chity")
        #expect(result.matchedWords.contains("chitty"))
        #expect(result.matchedWords.contains("chity"))
    }

    @Test("Given books added, edited and imported after a search, then the correction index keeps in step")
    func keepsInStep() throws {
        #expect(try catalogue.search("zanzibarian").books.isEmpty)
        _ = try catalogue.addBook(BookFields(title: "Zanzibarian maritime law"))
        #expect(titles(try catalogue.search("zanzibrian")) == ["Zanzibarian maritime law"])
        var retitled = BookChanges()
        retitled.title = "Quixotic corporations"
        _ = try catalogue.editBook("LC0003", changes: retitled)
        #expect(titles(try catalogue.search("quixotik")) == ["Quixotic corporations"])
        let file = try temporaryFile("title,authors,barcode,location\nPerspicacious pleading,\"Hale, Matthew\",IM0001,London\n")
        _ = try catalogue.importCSV(path: file)
        #expect(titles(try catalogue.search("perspicaciuos")) == ["Perspicacious pleading"])
    }

    @Test("Given books imported, added or edited, then nothing is pending and a typo search finds them without writing")
    func foldedBeforeCommit() throws {
        let file = try temporaryFile("title,authors,barcode,location\nPerspicacious pleading,\"Hale, Matthew\",IM0001,London\n")
        _ = try catalogue.importCSV(path: file)
        let added = try catalogue.addBook(BookFields(title: "Zanzibarian maritime law"))
        var retitled = BookChanges()
        retitled.title = "Quixotic corporations"
        _ = try catalogue.editBook("LC0003", changes: retitled)
        #expect(try catalogue.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_pending") } == 0)
        // A read-only look at the file: every new word is already in the index.
        let readOnly = try DatabaseQueue(path: catalogue.path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let words = try readOnly.read { db in
            try String.fetchSet(db, sql: "SELECT word FROM search_word WHERE word IN ('perspicacious', 'zanzibarian', 'quixotic')")
        }
        #expect(words == ["perspicacious", "zanzibarian", "quixotic"])
        // Searching commits nothing: another connection's data_version stays put.
        let before = try readOnly.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        #expect(titles(try catalogue.search("perspicaciuos")) == ["Perspicacious pleading"])
        #expect(titles(try catalogue.search("zanzibrian")).first == "Zanzibarian maritime law")
        #expect(titles(try catalogue.search("quixotik")) == ["Quixotic corporations"])
        let after = try readOnly.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        #expect(before == after)
        _ = added
    }

    @Test("Given a catalogue migrated from v1 with books, then its words are in the correction index")
    func existingBooksArePending() throws {
        // What the v3 migration leaves behind on an older catalogue: every book pending.
        try catalogue.writer.write { db in
            try db.execute(sql: "DELETE FROM search_word; DELETE FROM search_word_reversed")
            try db.execute(sql: "INSERT INTO search_pending(book_id) SELECT id FROM book")
        }
        let pending = try catalogue.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_pending") }
        #expect(pending == 9)
        _ = try catalogue.search("anything")
        let after = try catalogue.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM search_pending"),
             try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_word WHERE word = 'chitty')"))
        }
        #expect(after.0 == 0)
        #expect(after.1 == true)
    }
}

@Suite("Search: fields, phrases and negation")
struct SearchFieldTests {
    let catalogue: CatalogueDatabase
    init() throws { catalogue = try searchCatalogue() }

    @Test("Given title:, author:/by: and subject:, then words must be in that field")
    func columns() throws {
        #expect(titles(try catalogue.search("title:contracts")).contains("Chitty on Contracts"))
        #expect(!titles(try catalogue.search("title:england")).contains("Chitty on Contracts"))
        #expect(titles(try catalogue.search("author:beale")) == ["Chitty on Contracts"])
        #expect(titles(try catalogue.search("by:treitel")) == ["Contract law in England"])
        #expect(titles(try catalogue.search("subject:wisconsin")) == ["Wisconsin contract law handbook"])
        #expect(titles(try catalogue.search("by:treitl")) == ["Contract law in England"])  // a typo in a field
    }

    @Test("Given jurisdiction aliases, then they name the same jurisdiction")
    func jurisdictionAliases() throws {
        let expected: Set = ["Chitty on Contracts", "Contract law in England"]
        for query in ["j:E&W", "jurisdiction:\"England & Wales\"", "j:\"English law\"", "j:ew", "j:england"] {
            #expect(Set(titles(try catalogue.search(query))) == expected, "\(query)")
        }
        #expect(titles(try catalogue.search("j:scotland")) == ["Gloag and Henderson: The Law of Scotland"])
        #expect(titles(try catalogue.search("j:scots")) == ["Gloag and Henderson: The Law of Scotland"])
        #expect(titles(try catalogue.search("j:eu")) == ["EU competition law"])
        #expect(titles(try catalogue.search("j:germany")) == ["Schuldrecht und Vertragsfreiheit"])
        // A name not in the table matches the start of a word of the jurisdiction, never a piece inside one.
        #expect(titles(try catalogue.search("j:germ")) == ["Schuldrecht und Vertragsfreiheit"])
        #expect(titles(try catalogue.search("j:many")).isEmpty)
        #expect(titles(try catalogue.search("j:wisc")) == ["Wisconsin contract law handbook"])
        #expect(titles(try catalogue.search("j:consin")).isEmpty)
    }

    @Test("Given j:uk or j:us, then the jurisdictions within them are found too")
    func jurisdictionHierarchy() throws {
        #expect(Set(titles(try catalogue.search("j:uk"))) == [
            "Chitty on Contracts", "Contract law in England", "Gloag and Henderson: The Law of Scotland",
            "Unfair prejudice in company law", "Prejudice and the unfair company",
        ])
        #expect(Set(titles(try catalogue.search("j:us"))) == [
            "Cases on the law of private corporations", "Wisconsin contract law handbook",
        ])
        #expect(titles(try catalogue.search("contract j:us")) == ["Wisconsin contract law handbook"])
    }

    @Test("Given isbn: and barcode:, then exactly that book is found")
    func isbnAndBarcode() throws {
        #expect(titles(try catalogue.search("isbn:978-0-414-10899-8")) == ["Chitty on Contracts"])
        #expect(titles(try catalogue.search("barcode:ED0001")) == ["Gloag and Henderson: The Law of Scotland"])
        #expect(titles(try catalogue.search("barcode:NOPE")).isEmpty)
    }

    @Test("Given a bare barcode or ISBN, then search jumps to its book")
    func bareKeys() throws {
        let byBarcode = try catalogue.search("LC0003")
        #expect(byBarcode.jumped)
        #expect(titles(byBarcode) == ["Cases on the law of private corporations"])
        let byISBN = try catalogue.search(" 9780414108998 ")
        #expect(byISBN.jumped)
        #expect(titles(byISBN) == ["Chitty on Contracts"])
    }

    @Test("Given year: with a year or a range, then only books of those years are found")
    func years() throws {
        #expect(titles(try catalogue.search("year:1909")) == ["Cases on the law of private corporations"])
        #expect(Set(titles(try catalogue.search("year:..1910"))) == [
            "Cases on the law of private corporations", "Wisconsin contract law handbook",
        ])
        #expect(Set(titles(try catalogue.search("contract year:2000.."))) == ["Chitty on Contracts", "Contract law in England"])
        #expect(titles(try catalogue.search("year:2010..2015 prejudice")).count == 2)
        #expect(titles(try catalogue.search("year:2011..2015 prejudice")) == ["Unfair prejudice in company law"])
        #expect(throws: CatalogueError.self) { try catalogue.search("year:soon") }
    }

    @Test("Given at:LOCATION, then books with a copy now at or under it are found")
    func at() throws {
        #expect(Set(titles(try catalogue.search("at:London/4F/Commercial"))) == ["Chitty on Contracts", "Contract law in England"])
        #expect(titles(try catalogue.search("at:london/4f")).count == 4)
        #expect(titles(try catalogue.search("at:Manchester")) == ["Chitty on Contracts"])
        #expect(titles(try catalogue.search("at:Lond")).isEmpty)  // a path part, not a prefix of one
        #expect(titles(try catalogue.search("at:Edinburgh gloag")).count == 1)
    }

    @Test("Given a quoted phrase, then its words must be together in that order")
    func phrase() throws {
        #expect(titles(try catalogue.search("\"unfair prejudice\"")) == ["Unfair prejudice in company law"])
        #expect(titles(try catalogue.search("unfair prejudice")).count == 2)
        #expect(titles(try catalogue.search("title:\"company law\"")) == ["Unfair prejudice in company law"])
    }

    @Test("Given -word or -field:value, then books with it are left out")
    func negation() throws {
        #expect(titles(try catalogue.search("prejudice -unfair")).isEmpty)
        #expect(titles(try catalogue.search("prejudice -\"unfair prejudice\"")) == ["Prejudice and the unfair company"])
        #expect(titles(try catalogue.search("j:uk -j:scotland")).count == 4)
        #expect(titles(try catalogue.search("contract -j:us")).allSatisfy { $0 != "Wisconsin contract law handbook" })
        #expect(!titles(try catalogue.search("contract -j:us")).isEmpty)
        #expect(titles(try catalogue.search("prejudice -year:2015")) == ["Prejudice and the unfair company"])
    }

    @Test("Given is:on-loan, is:missing, is:on-shelf and is:overdue, then copies' current status decides")
    func status() throws {
        try catalogue.writer.write { db in
            try db.execute(sql: "INSERT INTO person(name) VALUES ('Ann Fee-Earner')")
            let person = db.lastInsertedRowID
            func copy(_ barcode: String) throws -> Int64 {
                try Int64.fetchOne(db, sql: "SELECT id FROM copy WHERE barcode = ?", arguments: [barcode])!
            }
            try db.execute(
                sql: "INSERT INTO event(copy_id, kind, at, person_id, due) VALUES (?, 'checked-out', '2026-11-01T10:00:00.000Z', ?, '2026-11-20')",
                arguments: [try copy("LC0001"), person])
            try db.execute(
                sql: "INSERT INTO event(copy_id, kind, at, person_id, due) VALUES (?, 'checked-out', '2026-11-25T10:00:00.000Z', ?, '2026-12-20')",
                arguments: [try copy("ED0001"), person])
            try db.execute(
                sql: "INSERT INTO event(copy_id, kind, at) VALUES (?, 'missing', '2026-11-02T10:00:00.000Z')",
                arguments: [try copy("US0001")])
        }
        #expect(Set(titles(try catalogue.search("is:on-loan"))) == ["Chitty on Contracts", "Gloag and Henderson: The Law of Scotland"])
        #expect(titles(try catalogue.search("is:overdue")) == ["Chitty on Contracts"])
        #expect(titles(try catalogue.search("is:missing")) == ["Wisconsin contract law handbook"])
        #expect(titles(try catalogue.search("is:missing contract")) == ["Wisconsin contract law handbook"])
        #expect(!titles(try catalogue.search("is:on-shelf")).contains("Gloag and Henderson: The Law of Scotland"))
        #expect(titles(try catalogue.search("is:on-shelf")).contains("Chitty on Contracts"))  // its second copy
        #expect(titles(try catalogue.search("contract -is:missing")).allSatisfy { $0 != "Wisconsin contract law handbook" })
        #expect(throws: CatalogueError.self) { try catalogue.search("is:lent-to-mars") }
    }
}

@Suite("Search: the query language never breaks")
struct SearchHostileInputTests {
    let catalogue: CatalogueDatabase
    init() throws { catalogue = try searchCatalogue() }

    @Test("Given FTS5 syntax and stray punctuation, then it is searched as text, never an error")
    func hostile() throws {
        let inputs = [
            "\"", "*", "(", ")", "NEAR", "AND", "OR", "NOT", "-", ":", " : ", "\"\"", "-\"", "--", "^", "chitty*",
            "chitty AND", "NEAR(chitty contracts)", "title:", "title: chitty", "-j:", "\"chitty", "chitty\"", "a: b: c",
            "'", "O'Brien", "{title}: x", "title : chitty", "-chitty", "-\"unfair prejudice\"", "j:\"\"", "\u{0}",
            "😀 chitty", "ﬁ", "*:*", "at:\"\"", "Re:", "In re: Smith", "chitty re:", "12:30", "c++", "§ 12",
        ]
        for input in inputs {
            #expect(throws: Never.self, "\(input)") { _ = try catalogue.search(input) }
        }
        #expect(titles(try catalogue.search("chitty AND")).first == "Chitty on Contracts")
        #expect(titles(try catalogue.search("In re: chitty")).isEmpty)  // in, re, chitty: all three words
        #expect(titles(try catalogue.search("chitty Re:")).isEmpty)
        #expect(titles(try catalogue.search("chitty on:")).first == "Chitty on Contracts")
    }

    @Test("Given an empty query or only spaces, then nothing is found and nothing fails")
    func empty() throws {
        #expect(try catalogue.search("").books.isEmpty)
        #expect(try catalogue.search("   ").books.isEmpty)
        #expect(try catalogue.search("chitty", limit: 0).books.isEmpty)
    }

    @Test("Given 10,000 characters, then the search answers without an error")
    func long() throws {
        let words = (0..<1000).map { "word\($0 % 97)x" }.joined(separator: " ")
        #expect(throws: Never.self) { _ = try catalogue.search(String(words.prefix(10_000))) }
        #expect(throws: Never.self) { _ = try catalogue.search(String(repeating: "a", count: 10_000)) }
        #expect(throws: Never.self) { _ = try catalogue.search(String(repeating: "\"(*", count: 3_334)) }
    }

    @Test("Given name:value with an unknown name, then the error lists the known fields and is a usage error")
    func unknownField() throws {
        do {
            _ = try catalogue.search("colour:red")
            Issue.record("colour:red was accepted")
        } catch let error as CatalogueError {
            #expect(error.exitCode == 64)
            #expect(error.message.contains("colour:red"))
            for field in ["title:", "author:", "by:", "subject:", "jurisdiction:", "j:", "isbn:", "barcode:", "year:", "at:", "is:"] {
                #expect(error.message.contains(field))
            }
        }
    }
}

@Suite("Search: the query parser")
struct SearchQueryParserTests {
    @Test("Given each form, then the parser sees words, phrases, fields and negations")
    func forms() throws {
        let query = try SearchQuery.parse("Chitty -scots \"unfair prejudice\" by:beale j:uk -j:scotland year:2010..2020 at:London/4F is:overdue contr")
        #expect(query.terms.map(\.words) == [["chitty"], ["scots"], ["unfair", "prejudice"], ["beale"], ["contr"]])
        #expect(query.terms.map(\.negated) == [false, true, false, false, false])
        #expect(query.terms[3].column == .authors)
        #expect(query.lastWordIsOpen)
        #expect(query.filters.map(\.condition) == [
            .jurisdiction("uk"), .jurisdiction("scotland"), .years(from: 2010, to: 2020), .at("London/4F"), .status(.overdue),
        ])
        #expect(query.filters.map(\.negated) == [false, true, false, false, false])
        #expect(try SearchQuery.parse("year:2015..").filters[0].condition == .years(from: 2015, to: nil))
        #expect(try SearchQuery.parse("year:..1999").filters[0].condition == .years(from: nil, to: 1999))
        #expect(try SearchQuery.parse("In re: Smith").terms.map(\.words) == [["in"], ["re"], ["smith"]])
        #expect(try !SearchQuery.parse("chitty ").lastWordIsOpen)
    }
}

@Suite("Search: editions")
struct SearchEditionTests {
    @Test("Given three editions of one work that score alike, when searching, then the newest comes first")
    func newestEditionFirst() throws {
        let catalogue = try temporaryCatalogue()
        for (edition, date) in [("32nd ed.", "2015"), ("34th ed.", "2021"), ("33rd ed.", "2018")] {
            try catalogue.addBook(BookFields(
                title: "Chitty on contracts", authors: ["Beale, H. G."], subjects: ["Contracts -- England"],
                date: date, edition: edition, jurisdiction: "England and Wales"))
        }
        let result = try catalogue.search("chitty contracts")
        #expect(result.books.map(\.book.fields.edition) == ["34th ed.", "33rd ed.", "32nd ed."])
    }
}
