@testable import Catalogue
import Foundation
import Testing
import TestSupport

/// The demo catalogue from seed/, built once for the suites below.
let demoCatalogue: CatalogueDatabase? = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawcat-demo-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try? DemoCatalogue.build(
        at: folder.appendingPathComponent("demo.sqlite").path, seed: repositoryRoot.appendingPathComponent("seed").path)
}()

/// The 8,595 law records imported once, or nil when ../shared/data is absent.
let lawCatalogue: CatalogueDatabase? = {
    guard let records = sharedDataFile("lc-law-dev.csv"), let catalogue = try? temporaryCatalogue() else { return nil }
    guard (try? catalogue.importCSV(path: records)) != nil else { return nil }
    return catalogue
}()

func ids(_ result: SearchResult) -> Set<Int64> { Set(result.books.map(\.id)) }

@Suite("Spelling variants: the rules")
struct SpellingVariantRuleTests {
    @Test("Given British or American spellings, when the rules rewrite them, then each makes the other, both ways")
    func bothWays() {
        let pairs = [
            ("labour", "labor"), ("behaviour", "behavior"), ("honourable", "honorable"), ("organisation", "organization"),
            ("organise", "organize"), ("recognised", "recognized"), ("analyse", "analyze"), ("centre", "center"),
            ("fibre", "fiber"), ("defence", "defense"), ("offence", "offense"), ("licence", "license"),
            ("pretence", "pretense"), ("offences", "offenses"), ("catalogue", "catalog"), ("dialogues", "dialogs"),
            ("counsellor", "counselor"), ("travelled", "traveled"), ("programme", "program"), ("judgement", "judgment"),
        ]
        for (british, american) in pairs {
            #expect(SpellingVariants.candidates(british).contains(american), "\(british) -> \(american)")
            #expect(SpellingVariants.candidates(american).contains(british), "\(american) -> \(british)")
        }
        #expect(SpellingVariants.candidates("ueber").contains("uber"))
        #expect(SpellingVariants.candidates("pruefung").contains("prufung"))
    }

    @Test("Given words a rule would turn into other words, when rewritten, then the exceptions are left alone")
    func exceptions() {
        #expect(!SpellingVariants.candidates("lettre").contains("letter"))
        #expect(!SpellingVariants.candidates("letter").contains("lettre"))
        #expect(SpellingVariants.candidates("sobre").isEmpty)
        #expect(!SpellingVariants.candidates("contour").contains("contor"))
        #expect(!SpellingVariants.candidates("member").contains("membre"))
        #expect(SpellingVariants.candidates("four").isEmpty)
    }
}

@Suite("Searching the way lawyers ask, on the demo catalogue", .enabled(if: demoCatalogue != nil))
struct DemoLawyerSearchTests {
    let catalogue = demoCatalogue!

    @Test("Given Chitty in several editions, when asking for the 34th as lawyers do, then it comes first, and where answers for it")
    func chittyThirtyFourth() throws {
        for query in ["chitty 34th", "chitty 34", "chitty thirty-fourth", "chitty 34th ed", "chitty 34. Aufl.", "chitty 2021"] {
            let result = try catalogue.search(query)
            #expect(result.books.first?.book.fields.edition == "34th ed.", "\(query)")
            #expect(result.suggestion == nil, "\(query)")
            #expect(try catalogue.whereabouts(query).copies.first.map { try catalogue.book($0.barcode).book.fields.edition } == "34th ed.")
        }
    }

    @Test("Given the ISBN-13 of a book catalogued with its ISBN-10, when scanned, then it is shown, and nothing suggests '2'")
    func scannedISBN() throws {
        let result = try catalogue.search("978-0-421-69190-2")
        #expect(result.jumped)
        #expect(result.books.first?.book.fields.isbn == "0421691905")
        #expect(result.suggestion == nil)
    }

    @Test("Given halsburys without its apostrophe, when searched, then Halsbury's laws are found")
    func possessive() throws {
        #expect(titles(try catalogue.search("halsburys")).first?.hasPrefix("Halsbury's") == true)
        #expect(titles(try catalogue.search("halsburys 5th")).first == "Halsbury's laws of England")
        #expect(try catalogue.search("halsburys 5th").books.first?.book.fields.edition == "5th ed.")
    }

    @Test("Given a typo beside a word that is also a surname, when searched, then the corrected books come first with 'showing results for', not authors with the typo's initial")
    func typoBesideASurname() throws {
        let result = try catalogue.search("competiton law")
        #expect(result.suggestion == "competition law")
        #expect(titles(result).first?.lowercased().contains("competition") == true, "\(titles(result).prefix(3))")
        #expect(!titles(result).prefix(3).contains("Sheriff court practice"))
    }
}

@Suite("Searching the way lawyers ask, on 8,595 real law records", .enabled(if: lawCatalogue != nil))
struct RealLawyerSearchTests {
    let catalogue = lawCatalogue!

    @Test("Given a typo with two corrections one edit away, when nothing matches as typed, then the suggestion is the one some book has beside the other words")
    func suggestionThatMatches() throws {
        // "chiti" is an author here too, but none of that author's books is about contracts.
        let result = try catalogue.search("chity contracts")
        #expect(result.suggestion == "chitty contracts")
        #expect(titles(result).first == "Chitty on contracts")
    }

    @Test("Given a typo whose corrections are one and two edits away, when searched, then the books of the nearest come first (competition, not complete)")
    func nearestCorrectionsFirst() throws {
        let result = try catalogue.search("competiton law")
        #expect(result.suggestion == "competition law")
        #expect(titles(result).prefix(3).allSatisfy { $0.lowercased().contains("competition") }, "\(titles(result).prefix(3))")
    }

    @Test("Given every record catalogued with an ISBN-10, when looked up by its ISBN-13, then show and search find that record")
    func everyISBN10ByISBN13() throws {
        let records = try #require(realRecords())
        var checked = 0
        for record in records {
            guard let isbn10 = record["isbn"], isbn10.count == 10, let isbn = ISBN(isbn10) else { continue }
            let shown = try catalogue.book(isbn.isbn13)
            #expect(ISBN(shown.book.fields.isbn ?? "") == isbn, "\(isbn10)")
            if checked % 50 == 0 {
                let found = try catalogue.search(isbn.isbn13)
                #expect(found.jumped && found.books.first?.id == shown.id)
            }
            checked += 1
        }
        #expect(checked == 6547)
    }

    @Test("Given British and American spellings, when searched, then both find the same books")
    func spellingsFindTheSameBooks() throws {
        for (british, american) in [("labour", "labor"), ("organisation", "organization"), ("defence", "defense"),
                                    ("programme", "program"), ("judgement", "judgment"), ("centre", "center"),
                                    ("labour law", "labor law")] {
            let a = try catalogue.search(british, limit: 5000), b = try catalogue.search(american, limit: 5000)
            #expect(!a.books.isEmpty && ids(a) == ids(b), "\(british) / \(american)")
            #expect(a.exactCount == b.exactCount, "ranked as exact: \(british)")
        }
        // labour finds the Library of Congress's "Labor laws" headings.
        #expect(try catalogue.search("labour", limit: 5000).books.count > 290)
    }

    @Test("Given Gesetz ueber, when searched, then the German titles with über are found and nothing is corrected")
    func germanWithoutUmlauts() throws {
        let result = try catalogue.search("Gesetz ueber")
        #expect(result.exactCount > 0)
        #expect(result.books.allSatisfy { $0.book.fields.title.lowercased().contains("gesetz") })
        #expect(result.suggestion == nil)
    }

    @Test("Given names as people write them, when searched, then the author who spells them out is found")
    func initials() throws {
        for (query, author) in [("k starmer", "Starmer, Keir"), ("starmer k.", "Starmer, Keir"), ("starmer, k", "Starmer, Keir"),
                                ("f w maitland", "Maitland, Frederic William"), ("maitland f.w.", "Maitland, Frederic William"),
                                ("Blackstone, W.", "Blackstone, William"), ("w blackstone", "Blackstone, William"),
                                ("beale hugh", "Beale, H. G"), ("hugh beale", "Beale, H. G")] {
            let authors = try catalogue.search(query).books.first?.book.fields.authors ?? []
            #expect(authors.contains { $0.hasPrefix(author) }, "\(query): \(authors)")
        }
        // An initial that no author of the book has leaves it out.
        #expect(try catalogue.search("q starmer").books.isEmpty)
    }

    @Test("Given shortened words in every position, when searched, then books with words starting so are found, after whole words")
    func prefixes() throws {
        for query in ["litig crim", "constit admin", "crim litig"] {
            let result = try catalogue.search(query)
            #expect(!result.books.isEmpty, "\(query)")
            let stems = Words.split(query)
            for book in result.books {
                let text = Vocabulary.fold([book.book.fields.title, book.book.fields.subjects.joined(separator: " "),
                                            book.book.fields.authors.joined(separator: " ")].joined(separator: " "))
                #expect(stems.allSatisfy { stem in Words.split(text).contains { $0.hasPrefix(stem) } }, "\(query): \(book.book.fields.title)")
            }
        }
        // A short word after a space is whole; a whole-word match ranks before a prefix one.
        #expect(try catalogue.search("law ").exactCount > 0)
        let whole = try catalogue.search("contract law")
        #expect(whole.exactCount > 0)
    }

    @Test("Given j:europe, when searched, then the books filed as Europe, the EU and the European countries are all found; j:eu stays the EU")
    func europe() throws {
        let europe = try catalogue.search("j:europe", limit: 10_000).books
        let names = Set(europe.compactMap(\.book.fields.jurisdiction))
        #expect(names.isSuperset(of: ["Europe", "European Union", "Germany", "France", "England and Wales", "Scotland", "Ireland"]))
        #expect(europe.count == 2767)
        let eu = try catalogue.search("j:eu", limit: 10_000).books
        #expect(Set(eu.compactMap(\.book.fields.jurisdiction)) == ["European Union"])
        #expect(try catalogue.search("j:asia", limit: 10_000).books.contains { $0.book.fields.jurisdiction == "China" })
        #expect(try catalogue.search("j:americas", limit: 10_000).books.contains { $0.book.fields.jurisdiction == "United States - Wisconsin" })
        #expect(Set(try catalogue.search("j:us", limit: 10_000).books.compactMap(\.book.fields.jurisdiction)).allSatisfy { $0.hasPrefix("United States") })
    }

    @Test("Given numbers, ISBNs, ordinals and years, when nothing matches, then none of them is corrected or suggested")
    func numbersNeverCorrected() throws {
        #expect(try catalogue.search("chitty 99th").suggestion == nil)
        #expect(try catalogue.search("contrakt 12345678").suggestion == "contract 12345678")
        #expect(try catalogue.search("contrakt 1987").suggestion == "contract 1987")
        #expect(try catalogue.search("contrakt 34th").suggestion == "contract 34th")
        #expect(try catalogue.search("978-0-00-000000-2").suggestion == nil)
    }
}
