import Foundation
import Testing

@Suite("lawcat search, end to end")
struct SearchCommandTests {
    let lawcat: Lawcat

    init() throws {
        lawcat = try Lawcat()
        let csv = """
            title,authors,subjects,date,jurisdiction,isbn,barcode,location
            Chitty on Contracts,"Chitty, Joseph; Beale, H. G.",Contracts -- England,2023,England and Wales,9780414108998,LC0001,London/4F/Commercial
            Gloag and Henderson: The Law of Scotland,"Gloag, William Murray",Law -- Scotland,2022,Scotland,,ED0001,Edinburgh/Library/Bay 3
            Wisconsin contract law,"Bryant, Edwin E.",Contracts -- Wisconsin,1899,United States - Wisconsin,,US0001,Store/Basement
            """
        let result = try lawcat.run("import", try lawcat.file("books.csv", csv))
        #expect(result.status == 0, "\(result.stderr)")
    }

    func json(_ outcome: Outcome) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test("Given a typo, when searching with --json, then the book is found with every documented key")
    func typoJSON() throws {
        let result = try lawcat.run("search", "--json", "chity", "contracs")
        #expect(result.status == 0)
        let books = try json(result)
        #expect(books.first?["title"] as? String == "Chitty on Contracts")
        for key in ["id", "title", "authors", "subjects", "date", "edition", "jurisdiction", "isbn", "copies"] {
            #expect(books.first?.keys.contains(key) == true, "\(key)")
        }
    }

    @Test("Given fields, negation and phrases as separate arguments, then they are one query")
    func fieldsAsArguments() throws {
        let result = try lawcat.run("search", "--json", "contract", "-j:us")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try json(result).map { $0["title"] as? String } == ["Chitty on Contracts"])
        let uk = try lawcat.run("search", "--json", "j:uk")
        #expect(try json(uk).count == 2)
        let phrase = try lawcat.run("search", "--json", "\"law of scotland\"")
        #expect(try json(phrase).map { $0["title"] as? String } == ["Gloag and Henderson: The Law of Scotland"])
        let limited = try lawcat.run("search", "--json", "--limit", "1", "law")
        #expect(try json(limited).count == 1)
    }

    @Test("Given an unknown field, then one error line lists the known fields and the exit code is 64")
    func unknownField() throws {
        let result = try lawcat.run("search", "colour:red")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: invalid search field 'colour:red'"))
        #expect(result.stderr.contains("title: author: by: subject: jurisdiction: j:"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test("Given nothing matches, then it says so, suggests a corrected query and exits 0")
    func didYouMean() throws {
        let result = try lawcat.run("search", "glaog", "scotlnd", "zzqx")
        #expect(result.status == 0)
        #expect(result.stdout.contains("did you mean: gloag scotland") || result.stdout.contains("showing results for: gloag scotland"))
        let none = try lawcat.run("search", "qqqqqqqqqq")
        #expect(none.stdout.hasPrefix("no books match 'qqqqqqqqqq'"))
    }

    @Test("Given a bare barcode, then search shows that book and where its copies are")
    func bareBarcode() throws {
        let result = try lawcat.run("search", "ED0001")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Gloag and Henderson: The Law of Scotland"))
        #expect(result.stdout.contains("Edinburgh/Library/Bay 3"))
    }

    @Test("Given hostile text, then it is searched, never an error, and never coloured without a terminal")
    func hostile() throws {
        for text in ["\"", "*", "(", "NEAR", "AND", "-", ":", "", "In re: Smith", "Re:", String(repeating: "x(\"", count: 3_334)] {
            let result = try lawcat.run("search", text)
            #expect(result.status == 0, "\(text.prefix(20)): \(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(!result.stdout.contains("\u{1B}["))
        }
    }

    @Test("Given a typo on a table, then matched words are not escaped when NO_COLOR is set")
    func noColour() throws {
        let result = try lawcat.run("search", "chity")
        #expect(result.stdout.contains("Chitty on Contracts"))
        #expect(!result.stdout.contains("\u{1B}["))
    }
}
