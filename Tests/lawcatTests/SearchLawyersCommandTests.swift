import Foundation
import Testing

@Suite("lawcat search and where, the way lawyers ask, end to end")
struct SearchLawyersCommandTests {
    let lawcat: Lawcat

    init() throws {
        lawcat = try Lawcat()
        let csv = """
            title,authors,subjects,date,edition,jurisdiction,isbn,barcode,location
            Chitty on Contracts,"Chitty, Joseph; Beale, H. G.",Contracts -- England,2021,34th ed.,England and Wales,,C34,London/Library
            Chitty on Contracts,"Chitty, Joseph; Beale, H. G.",Contracts -- England,2018,33rd ed.,England and Wales,,C33,London/Library
            Chitty on contracts,"Chitty, Joseph; Beale, H. G",Contracts -- Great Britain,1999,28th ed.,England and Wales,0421691905,C28,Store/Basement
            """
        let result = try lawcat.run("import", try lawcat.file("books.csv", csv))
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("Given an edition, when searching and asking where, then that edition answers, and an edition no book has says so")
    func editions() throws {
        let search = try lawcat.run("search", "chitty", "34th")
        #expect(search.status == 0)
        #expect(search.stdout.split(separator: "\n").dropFirst().first?.contains("34th ed.") == true, "\(search.stdout)")
        let whereabouts = try lawcat.run("where", "chitty", "2021")
        #expect(whereabouts.status == 0, "\(whereabouts.stderr)")
        #expect(whereabouts.stdout.contains("C34") && !whereabouts.stdout.contains("C33 "), "\(whereabouts.stdout)")
        let missing = try lawcat.run("search", "chitty", "36th")
        #expect(missing.status == 0)
        #expect(missing.stdout.hasPrefix("no book matches every word with '36th' as its edition or year"), "\(missing.stdout)")
    }

    @Test("Given a scanned ISBN-13 of a book catalogued by its ISBN-10, then search and show find it; a mistyped one is refused in one line")
    func isbns() throws {
        let shown = try lawcat.run("show", "978-0-421-69190-2")
        #expect(shown.status == 0 && shown.stdout.contains("28th ed."), "\(shown.stderr)")
        let scanned = try lawcat.run("search", "9780421691902")
        #expect(scanned.status == 0 && scanned.stdout.contains("C28"))
        let typo = try lawcat.run("search", "978-0-421-69190-3")
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("check digit should be 2") && typo.stderr.split(separator: "\n").count == 1, "\(typo.stderr)")
        #expect(!typo.stdout.contains("did you mean"))
        let unknown = try lawcat.run("search", "978-0-00-000000-2")
        #expect(unknown.status == 0)
        #expect(unknown.stdout.hasPrefix("no book has the ISBN 978-0-00-000000-2"), "\(unknown.stdout)")
        #expect(!unknown.stdout.contains("did you mean"))
    }
}
