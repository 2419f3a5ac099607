@testable import Catalogue
import Foundation
import GRDB
import Testing
import TestSupport

/// Chitty in four editions, one with an ISBN-10 only, a withdrawn duplicate
/// record, and a Companies Act book: editions, years, ISBNs and the shelf.
func editionCatalogue() throws -> CatalogueDatabase {
    let catalogue = try temporaryCatalogue()
    let chitty = ["Chitty, Joseph, -1838", "Beale, H. G."]
    let books: [(BookFields, [NewCopy])] = [
        (BookFields(title: "Chitty on contracts", authors: chitty, subjects: ["Contracts -- England"], date: "2018",
                    edition: "33rd ed.", jurisdiction: "England and Wales", isbn: "9780414066182"),
         [NewCopy(barcode: "C33", location: "London/Library")]),
        (BookFields(title: "Chitty on contracts", authors: chitty, subjects: ["Contracts -- England"], date: "2021",
                    edition: "34th ed.", jurisdiction: "England and Wales", isbn: "9780414082236"),
         [NewCopy(barcode: "C34", location: "London/Library")]),
        (BookFields(title: "Chitty on contracts", authors: chitty, subjects: ["Contracts -- Great Britain"], date: "1999",
                    edition: "28th ed. / [general editor, H.G. Beale].", jurisdiction: "England and Wales", isbn: "0421691905"),
         [NewCopy(barcode: "C28", location: "Store/Basement")]),
        (BookFields(title: "Chitty on contracts", authors: chitty, subjects: ["Contracts -- England"], date: "2012",
                    edition: "Thirty-first edition", jurisdiction: "England and Wales"),
         [NewCopy(barcode: "C31", location: "London/Library")]),
        (BookFields(title: "Handbuch des Vertragsrechts", authors: ["Schmidt, Karl"], date: "2005", edition: "2. Aufl.",
                    jurisdiction: "Germany"),
         [NewCopy(barcode: "DE1", location: "London/Library")]),
        (BookFields(title: "Guide to the Companies Act 2006", authors: ["Hannigan, Brenda"], date: "2007",
                    jurisdiction: "United Kingdom"),
         [NewCopy(barcode: "CA1", location: "London/Library")]),
    ]
    for (fields, copies) in books { _ = try catalogue.addBook(fields, copies: copies) }
    return catalogue
}

func editions(_ result: SearchResult) -> [String?] { result.books.map(\.book.fields.edition) }

@Suite("ISBN: one number however it is written")
struct ISBNTests {
    @Test("Given an ISBN-10 with hyphens or spaces, when read, then it is the ISBN-13 a scanner reads, and back")
    func tenToThirteen() throws {
        #expect(ISBN("0-421-69190-5")?.isbn13 == "9780421691902")
        #expect(ISBN("0 421 69190 5")?.isbn13 == "9780421691902")
        #expect(ISBN("978-0-421-69190-2")?.isbn13 == "9780421691902")
        #expect(ISBN("9780421691902")?.isbn10 == "0421691905")
        // X is ten, in either case.
        #expect(ISBN("080442957X")?.isbn13 == "9780804429573")
        #expect(ISBN("080442957x")?.isbn13 == "9780804429573")
        #expect(ISBN("9780804429573")?.isbn10 == "080442957X")
        // 979 ISBNs have no ISBN-10.
        #expect(ISBN("979-10-90636-07-1")?.isbn13 == "9791090636071")
        #expect(ISBN("9791090636071")?.isbn10 == nil)
    }

    @Test("Given a mistyped ISBN, when read, then it is a bad check digit, saying which digit was expected; other text is no ISBN")
    func checkDigits() {
        #expect(ISBN.read("978-0-421-69190-3") == .badCheckDigit(expected: "2"))
        #expect(ISBN.read("0421691906") == .badCheckDigit(expected: "5"))
        #expect(ISBN.read("0804429570") == .badCheckDigit(expected: "X"))
        #expect(ISBN.read("9770421691902") == .notAnISBN)  // an ISSN's EAN, not a book's
        #expect(ISBN.read("L000002") == .notAnISBN)
        #expect(ISBN.read("12345") == .notAnISBN)
        #expect(ISBN("978-0-421-69190-3") == nil)
    }

    @Test("Given a book catalogued with its ISBN-10, when asked by its ISBN-13 in show, where, search and isbn:, then it is found")
    func sameISBNEverywhere() throws {
        let catalogue = try editionCatalogue()
        for key in ["978-0-421-69190-2", "9780421691902", "0421691905"] {
            #expect(try catalogue.book(key).book.fields.edition?.hasPrefix("28th") == true)
            #expect(try catalogue.whereabouts(key).copies.map(\.barcode) == ["C28"])
            let jumped = try catalogue.search(key)
            #expect(jumped.jumped && editions(jumped).first??.hasPrefix("28th") == true)
            #expect(editions(try catalogue.search("isbn:\(key)")).first??.hasPrefix("28th") == true)
        }
        // And the other way: a book catalogued with its ISBN-13, asked by its ISBN-10.
        #expect(try catalogue.book("0414082230").book.fields.edition == "34th ed.")
    }

    @Test("Given a mistyped ISBN, when shown, looked for or searched, then lawcat refuses it in one line naming the right check digit")
    func mistypedISBNRefused() throws {
        let catalogue = try editionCatalogue()
        for attempt in [{ _ = try catalogue.book("978-0-421-69190-3") }, { _ = try catalogue.whereabouts("9780421691903") },
                        { _ = try catalogue.search("978-0-421-69190-3") }] {
            #expect {
                try attempt()
            } throws: { error in
                guard let error = error as? CatalogueError else { return false }
                return error.exitCode == 64 && error.message.contains("check digit should be 2") && !error.message.contains("\n")
            }
        }
    }

    @Test("Given isbn: with a wrong check digit, when searched, then it is compared as written and, finding nothing, says which digit was expected")
    func mistypedISBNField() throws {
        let catalogue = try editionCatalogue()
        let result = try catalogue.search("isbn:9780421691903")
        #expect(result.books.isEmpty)
        #expect(result.notice?.contains("check digit should be 2") == true)
        // A book catalogued with a wrong ISBN is still found by it.
        let wrong = try catalogue.addBook(BookFields(title: "Misprinted", isbn: "978-0-421-69190-3"))
        #expect(try catalogue.search("isbn:9780421691903").books.map(\.id) == [wrong])
        #expect(try catalogue.book("9780421691903").id == wrong)
    }

    @Test("Given an ISBN that no book has, when searched, then nothing is found, lawcat says so, and suggests no number")
    func unknownISBN() throws {
        let catalogue = try editionCatalogue()
        let result = try catalogue.search("978-0-00-000000-2")
        #expect(result.books.isEmpty)
        #expect(result.suggestion == nil)
        #expect(result.notice?.contains("no book has the ISBN") == true)
    }

    @Test("Given an import of a book the catalogue has under its ISBN-10, when the file gives its ISBN-13, then it is the same book")
    func importMatchesByISBN() throws {
        let catalogue = try editionCatalogue()
        let before = try catalogue.counts().books
        let file = try temporaryFile("""
            title,authors,subjects,date,edition,jurisdiction,isbn,barcode,location
            Chitty on contracts,"Chitty, Joseph, -1838; Beale, H. G.",Contracts -- Great Britain,1999,"28th ed. / [general editor, H.G. Beale].",England and Wales,978-0-421-69190-2,C28B,Store/Basement

            """)
        let report = try catalogue.importCSV(path: file)
        #expect(report.booksAdded == 0)
        #expect(try catalogue.counts().books == before)
        #expect(try catalogue.book("C28B").book.fields.isbn == "0421691905")
    }
}

@Suite("Editions and years as words")
struct EditionSearchTests {
    @Test("Given edition statements as records write them, when numbered, then each has its number or none")
    func numbering() {
        let cases: [(String, Int?)] = [
            ("34th ed.", 34), ("3rd ed. / by J. Smith", 3), ("Second edition", 2), ("Thirty-fourth edition", 34),
            ("2. Aufl.", 2), ("4., neubearbeitete Aufl.", 4), ("Rev. ed.", nil), ("New ed.", nil), ("1re éd.", 1),
            ("Wyd. 1.", 1), ("Di 1 ban.", 1), ("2000 ed.", 2000), ("Zweite Auflage", 2), ("2d ed.", 2), ("0 ed.", nil),
        ]
        for (statement, number) in cases {
            #expect(Edition.number(of: statement) == number, "\(statement)")
        }
    }

    @Test("Given four editions of Chitty, when asking for one as lawyers do, then that edition comes first and the others follow")
    func chittyEdition() throws {
        let catalogue = try editionCatalogue()
        for query in ["chitty 34th", "chitty 34", "chitty thirty-fourth", "chitty 34th ed", "chitty 34th ed.", "chitty 34. Aufl.",
                      "34th chitty", "chitty 2021", "chitty contracts 34th"] {
            let result = try catalogue.search(query)
            #expect(editions(result).first == "34th ed.", "\(query)")
            #expect(result.exactCount == 1, "\(query)")
            #expect(result.books.count == 4, "\(query): the other editions follow")
            #expect(result.suggestion == nil, "\(query)")
        }
        #expect(editions(try catalogue.search("chitty 31st")).first == "Thirty-first edition")
        #expect(editions(try catalogue.search("chitty thirty first")).first == "Thirty-first edition")
        #expect(editions(try catalogue.search("chitty 28th")).first == "28th ed. / [general editor, H.G. Beale].")
        #expect(editions(try catalogue.search("vertragsrechts 2. Aufl.")).first == "2. Aufl.")
    }

    @Test("Given an edition no book has, when searched, then the other editions are shown, no number is corrected, and lawcat says why")
    func missingEdition() throws {
        let catalogue = try editionCatalogue()
        let result = try catalogue.search("chitty 35th")
        #expect(result.exactCount == 0)
        #expect(result.books.count == 4)
        #expect(result.suggestion == nil)
        #expect(result.notice?.contains("'35th'") == true)
    }

    @Test("Given a year in a title, when searched, then the title word still matches")
    func yearInTitle() throws {
        let catalogue = try editionCatalogue()
        #expect(titles(try catalogue.search("companies act 2006")) == ["Guide to the Companies Act 2006"])
        #expect(titles(try catalogue.search("companies 2007")) == ["Guide to the Companies Act 2006"])
    }

    @Test("Given editions and years alone, when searched, then the books of that year or edition are listed")
    func numbersAlone() throws {
        let catalogue = try editionCatalogue()
        #expect(editions(try catalogue.search("2021")) == ["34th ed."])
        #expect(editions(try catalogue.search("33rd")) == ["33rd ed."])
    }

    @Test("Given a book whose date and edition change, when searched by year or edition, then the new ones find it and the old do not")
    func editedEditionAndYear() throws {
        let catalogue = try editionCatalogue()
        var changes = BookChanges()
        changes.date = "2023"
        changes.edition = "35th ed."
        _ = try catalogue.editBook("C34", changes: changes)
        for query in ["chitty 35th", "chitty 2023"] {
            let result = try catalogue.search(query)
            #expect(result.exactCount == 1 && editions(result).first == "35th ed.", "\(query)")
        }
        for query in ["chitty 34th", "chitty 2021"] {
            #expect(try catalogue.search(query).exactCount == 0, "\(query)")
        }
    }

    @Test("Given given names typed in full and a year, when the records have only initials, then the book of that year comes first")
    func givenNameAndYear() throws {
        let catalogue = try temporaryCatalogue()
        // Both words are surnames some author has, so the names pass asks for either reading (an OR).
        _ = try catalogue.addBook(BookFields(title: "Contract law", authors: ["Beale, H."], date: "2018"), copies: [])
        _ = try catalogue.addBook(BookFields(title: "Tort law", authors: ["Hugh, B."], date: "2010"), copies: [])
        // Either word may be the given name: the year picks the reading, and the other book follows.
        for (query, expected) in [("hugh beale 2018", ["Contract law", "Tort law"]), ("beale hugh 2010", ["Tort law", "Contract law"])] {
            let result = try catalogue.search(query)
            #expect(titles(result) == expected, "\(query)")
            #expect(result.notice == nil, "\(query): a book matches with the year")
        }
        #expect(Set(titles(try catalogue.search("hugh beale"))) == ["Contract law", "Tort law"])
        // A year no book has: the books the names find, with the notice, as for other words.
        let other = try catalogue.search("hugh beale 2019")
        #expect(Set(titles(other)) == ["Contract law", "Tort law"])
        #expect(other.notice?.contains("'2019'") == true)
    }

    @Test("Given an edition or year left out with a minus, when searched, then the books it would find are left out")
    func leftOutEdition() throws {
        let catalogue = try editionCatalogue()
        for query in ["chitty -34th", "chitty -2021", "chitty -34", "chitty -34th ed", "chitty -34th ed."] {
            let result = try catalogue.search(query)
            #expect(result.books.count == 3 && !editions(result).contains("34th ed."), "\(query)")
        }
        #expect(titles(try catalogue.search("companies -2006")).isEmpty)
    }

    @Test("Given a book an older lawcat left unnumbered, when the first search numbers its edition, then the index has the number and finds it")
    func numberedLater() throws {
        let catalogue = try editionCatalogue()
        // As an older lawcat stored it: no edition number, the book pending (its insert trigger).
        try catalogue.writer.write { db in
            try db.execute(sql: """
                INSERT INTO book(title, authors, date, edition) VALUES ('Lewin on trusts', '["Lewin, Thomas"]', '2020', 'Twentieth edition')
                """)
        }
        let result = try catalogue.search("lewin 20th")
        #expect(result.exactCount == 1 && editions(result) == ["Twentieth edition"])
    }

    @Test("Given the real records, when a word is asked with an edition or year, then the books are those the book's own fields give, in the same order",
          .enabled(if: lawCatalogue != nil))
    func sameBooksAsTheFields() throws {
        let catalogue = try #require(lawCatalogue)
        // The words with their number as a condition on each book's edition, date and title,
        // as the search tested them before the index held editions and years.
        // Two numbers and a written ordinal too: the ranking must leave out exactly the numbers' phrases.
        let cases: [(query: String, words: String, numbers: [(Int, String)])] = [
            ("law 1998", "\"law\"", [(1998, "1998")]), ("contracts 2nd", "\"contract\"", [(2, "2nd")]),
            ("united 2000", "\"unit\"", [(2000, "2000")]), ("tax 3rd ed", "\"tax\"", [(3, "3rd")]),
            ("law 2nd 1999", "\"law\"", [(2, "2nd"), (1999, "1999")]), ("law second edition", "\"law\"", [(2, "second")]),
            ("international law 1999 1st", "\"international\" AND \"law\"", [(1999, "1999"), (1, "1st")]),
        ]
        var compared = 0
        for (query, words, numbers) in cases {
            let conditions = numbers.map { number, typed in
                Searcher.numberCondition(SearchQuery.Term(words: [typed], column: nil, negated: false, number: number))
            }
            let expected = try catalogue.writer.read { db in
                try Int64.fetchAll(db, SQLRequest(literal: """
                    SELECT f.rowid FROM book_fts f JOIN book b ON b.id = f.rowid
                    WHERE book_fts MATCH \(words) AND \(conditions.joined(separator: " AND "))
                    ORDER BY \(Searcher.unavailable), \(Searcher.score(filters: 0)), b.date DESC, f.rowid LIMIT 20
                    """))
            }
            let result = try catalogue.search(query)
            #expect(expected.count >= 3, "\(query) has books to compare")
            #expect(Array(result.books.map(\.id).prefix(result.exactCount)) == expected, "\(query)")
            compared += expected.count
        }
        #expect(compared >= 60)
    }

    @Test("Given where with an edition or a year, when asked, then it answers for that edition")
    func whereEdition() throws {
        let catalogue = try editionCatalogue()
        #expect(try catalogue.whereabouts("chitty 34th").copies.map(\.barcode) == ["C34"])
        #expect(try catalogue.whereabouts("chitty 2021").copies.map(\.barcode) == ["C34"])
        #expect(try catalogue.whereabouts("chitty 33").copies.map(\.barcode) == ["C33"])
    }
}

@Suite("Ranking that knows the shelf")
struct ShelfRankingTests {
    @Test("Given a duplicate record whose only copy was withdrawn, when searching, then it comes after the books that can be had")
    func withdrawnLast() throws {
        let catalogue = try temporaryCatalogue()
        let fields = BookFields(title: "Chitty on contracts", authors: ["Chitty, Joseph"], date: "2021", edition: "34th ed.")
        let duplicate = try catalogue.addBook(fields, copies: [NewCopy(barcode: "DUP", location: "Store")])
        // Made second, so it would come second on the text alone.
        _ = try catalogue.addBook(fields, copies: [NewCopy(barcode: "REAL", location: "London")])
        let missing = try catalogue.addBook(
            BookFields(title: "Chitty on contracts", authors: ["Chitty, Joseph"], date: "2021", edition: "34th ed. [missing]"),
            copies: [NewCopy(barcode: "GONE", location: "London")])
        let none = try catalogue.addBook(BookFields(title: "Chitty on contracts", authors: ["Chitty, Joseph"], date: "2021"))
        #expect(try catalogue.search("chitty contracts").books.first?.id == duplicate)
        try catalogue.withdraw(barcode: "DUP")
        _ = try catalogue.reportMissing(barcode: "GONE")
        let ranked = try catalogue.search("chitty contracts").books
        #expect(ranked.first?.copies.map(\.barcode) == ["REAL"])
        #expect(Set(ranked.dropFirst().map(\.id)) == [duplicate, missing, none])
        // A copy on loan can be had.
        _ = try catalogue.found(barcode: "GONE")
        #expect(try catalogue.search("chitty contracts").books.prefix(2).map(\.id).contains(missing))
    }
}

@Suite("Editions and ISBNs in an upgraded catalogue")
struct EditionMigrationTests {
    /// A v5 catalogue (the last shipped) with books whose editions and ISBNs v7 reads.
    static func v5Catalogue() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-v5-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("catalogue.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // v1 to v5, as shipped: opening it runs v6-desk and v7-search-editions.
            for migration in Migrations.all.prefix(5) { try db.execute(sql: migration.sql) }
            try db.execute(sql: """
                PRAGMA application_id = \(CatalogueDatabase.applicationID);
                PRAGMA user_version = 5;
                INSERT INTO book(id, title, date, edition, isbn) VALUES
                  (1, 'Chitty on contracts', '1999', '28th ed.', '0-421-69190-5'),
                  (2, 'Chitty on contracts', '2012', 'Thirty-first edition', '9780414045873'),
                  (3, 'Chitty on contracts', '2021', '34th ed.', '978-0-414-08223-6'),
                  (4, 'Lewin on trusts', '2020', 'Rev. ed.', 'not an isbn');
                DELETE FROM search_pending;
                """)
        }
        try queue.close()
        return path
    }

    @Test("Given a v5 catalogue, when this lawcat opens it, then every ISBN-10 is found by its ISBN-13 and every edition by its number")
    func backfilled() throws {
        let catalogue = try CatalogueDatabase(path: try Self.v5Catalogue(), create: false)
        #expect(try catalogue.book("9780421691902").id == 1)
        #expect(try catalogue.book("0414082230").id == 3)
        #expect(editions(try catalogue.search("chitty 34th")).first == "34th ed.")
        #expect(editions(try catalogue.search("chitty thirty-first")).first == "Thirty-first edition")
        let numbers = try catalogue.read { db in try Row.fetchAll(db, sql: "SELECT isbn13, edition_number FROM book ORDER BY id") }
        #expect(numbers.map { $0["edition_number"] as Int? } == [28, 31, 34, nil])
        #expect(numbers[3]["isbn13"] as String? == nil)
    }

    @Test("Given the real records, when the migration's SQL numbers them, then it gives the answers lawcat's Swift gives",
          .enabled(if: realRecords() != nil))
    func sqlAgreesWithSwift() throws {
        let rows = try #require(realRecords())
        // Edge cases besides: X check digits, lower case x, 979, spaces, wrong check digits, non-digits.
        var values = rows.map { ($0["isbn"] ?? "", $0["edition"] ?? "") }
        values += [("080442957X", "2. Aufl."), ("080442957x", "0012th ed."), ("979-10-90636-07-1", "99999 ed."),
                   ("0 421 69190 5", "2000 ed."), ("0421691906", "1e3 ed."), ("97804216919", "3"), ("978042169190X", "x"),
                   ("0-8044-2957-X", "")]
        let queue = try DatabaseQueue()
        let (agreeISBN, agreeEdition, checked) = try queue.write { db -> (Bool, Bool, Int) in
            let v7 = try #require(Migrations.all.firstIndex { $0.identifier == "v7-search-editions" })
            for migration in Migrations.all.prefix(v7) { try db.execute(sql: migration.sql) }
            for (isbn, edition) in values {
                try db.execute(
                    sql: "INSERT INTO book(title, isbn, edition) VALUES ('t', ?, ?)",
                    arguments: [isbn.isEmpty ? nil : isbn, edition.isEmpty ? nil : edition])
            }
            try db.execute(sql: Migrations.all[v7].sql)
            var isbnOK = true, editionOK = true, checked = 0
            for row in try Row.fetchAll(db, sql: "SELECT isbn, isbn13, edition, edition_number FROM book ORDER BY id") {
                let isbn: String? = row["isbn"], edition: String? = row["edition"]
                if row["isbn13"] as String? != ISBN.normalised(isbn) { isbnOK = false }
                if let edition, edition.first?.isNumber == true, row["edition_number"] as Int? != Edition.number(of: edition) {
                    editionOK = false
                }
                checked += 1
            }
            return (isbnOK, editionOK, checked)
        }
        #expect(checked == values.count)
        #expect(agreeISBN)
        #expect(agreeEdition)
    }
}

/// The 8,595 law records of ../shared/data, as CSV rows, or nil when absent.
func realRecords() -> [[String: String]]? {
    guard let records = sharedDataFile("lc-law-dev.csv"),
        let text = try? String(contentsOfFile: records, encoding: .utf8)
    else { return nil }
    let rows = parseCSV(text)
    guard let header = rows.first else { return nil }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}
