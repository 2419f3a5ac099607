import Foundation
import Testing

/// Whatever a user types is a search, never an error. (Ranking and the query
/// language are the search issue's to test.)
@Suite("Search is safe")
struct SearchSafetyTests {
    static let hostile = [
        "\"", "\"chitty", "chitty\"", "*", "chit*", "(", ")", "(contract", "AND", "OR", "NOT", "NEAR",
        "NEAR(chitty contracts)", "chitty AND", "AND chitty", "OR OR", "contracts -tort", "-", "--", "title:chitty",
        ":", "o'brien", "'", "Palmer's", "^chitty", "{chitty}", "[law]", "+", "chitty NOT", "\\", "%", "_", "🙂",
        "   ", "", "a\"b'c(d)e*f:g-h", "SELECT * FROM book;", "'); DROP TABLE book; --",
    ]

    @Test("Given a catalogue, when the search is hostile text, then it succeeds with JSON and the catalogue still answers", arguments: hostile)
    func hostileText(text: String) throws {
        let lawcat = try Lawcat()
        try lawcat.run("add", "--title", "Chitty on Contracts", "--author", "O'Brien, Pat", "--copy", "L1", "--at", "London")
        let outcome = try lawcat.run("search", "--json", "--", text)
        #expect(outcome.status == 0, "\(text): \(outcome.stderr)")
        // stderr may carry a "did you mean" hint, never an error.
        #expect(!outcome.stderr.contains("error:"), "\(text): \(outcome.stderr)")
        #expect(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) is [Any], "\(text): \(outcome.stdout)")
        let human = try lawcat.run("search", "--", text)
        #expect(human.status == 0, "\(text): \(human.stderr)")
        #expect(try lawcat.run("show", "L1").status == 0)
    }

    @Test("Given a book by O'Brien, when searched with the apostrophe or quotes, then it is found")
    func apostrophes() throws {
        let lawcat = try Lawcat()
        try lawcat.run("add", "--title", "Chitty on Contracts", "--author", "O'Brien, Pat", "--copy", "L1", "--at", "London")
        for text in ["o'brien", "\"chitty\"", "(chitty)", "chitty*"] {
            let outcome = try lawcat.run("search", "--json", text)
            #expect(outcome.status == 0, "\(text): \(outcome.stderr)")
            #expect(outcome.stdout.contains("Chitty on Contracts"), "\(text)")
        }
    }

    @Test("Given several hostile words as separate arguments, when searched, then it is a search")
    func severalArguments() throws {
        let lawcat = try Lawcat()
        try lawcat.run("init")
        let outcome = try lawcat.run("search", "NEAR", "(", "AND", "\"", "*", ":", "'")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
    }
}

@Suite("Search's arguments")
struct SearchArgumentTests {
    @Test("Given `--` before the words, when searching, then it ends the options and is not searched for")
    func doubleDashIsNotAWord() throws {
        let lawcat = try Lawcat()
        try lawcat.run("add", "--title", "Chitty on Contracts", "--copy", "L1", "--at", "London")
        let outcome = try lawcat.run("search", "--json", "--", "chitty")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Chitty on Contracts"))
        let nothing = try lawcat.run("search", "--", "zzzzqq")
        #expect(nothing.stdout.hasPrefix("no books match 'zzzzqq'"), "\(nothing.stdout)")
    }
}
