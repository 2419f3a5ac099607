import Foundation
import TestSupport
import Testing

/// The list: bad input gets a clear one-line error, a meaningful exit
/// code, and the catalogue is unchanged (an export before and after is the same).
@Suite("Bad input gets a clear error, and nothing is lost")
struct BadInputTests {
    /// A catalogue with two books and three copies, and its export.
    static func stocked() throws -> (Lawcat, String) {
        let lawcat = try Lawcat()
        let added = try lawcat.run(
            "add", "--title", "Chitty on Contracts", "--author", "Beale, Hugh", "--date", "2021", "--copy", "L1", "--at",
            "London/Library", "--copy", "L2", "--at", "Edinburgh/Library")
        #expect(added.status == 0, "\(added.stderr)")
        try lawcat.run("add", "--title", "Lewin on Trusts", "--copy", "T1", "--at", "London/4F")
        let export = try lawcat.run("export")
        #expect(export.status == 0)
        #expect(parseCSV(export.stdout).count == 4)
        return (lawcat, export.stdout)
    }

    /// The error is one line on stderr, starting `error:` and holding `words`;
    /// nothing on stdout; the exit code is `status`; the catalogue is unchanged.
    static func expectRefused(
        _ outcome: Outcome, status: Int32, saying words: [String], lawcat: Lawcat, before: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(outcome.status == status, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.hasPrefix("error: "), "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1, "one line: \(outcome.stderr)", sourceLocation: sourceLocation)
        for word in words {
            #expect(outcome.stderr.contains(word), "'\(word)' not in: \(outcome.stderr)", sourceLocation: sourceLocation)
        }
        #expect(!outcome.stderr.contains("SQLITE"), sourceLocation: sourceLocation)
        #expect(!outcome.stderr.contains("INSERT"), sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try lawcat.run("export").stdout == before, "the catalogue changed", sourceLocation: sourceLocation)
    }

    static let header = "title,authors,subjects,date,edition,jurisdiction,isbn,barcode,location\n"

    @Test("Given a CSV without a title column, when imported, then the error says a title column is needed")
    func missingTitleColumn() throws {
        let (lawcat, before) = try Self.stocked()
        let file = try lawcat.file("no-title.csv", "authors,barcode,location\n\"Beale, Hugh\",N1,London\n")
        try Self.expectRefused(
            lawcat.run("import", file), status: 1, saying: ["no-title.csv", "no 'title' column", "nothing was changed"],
            lawcat: lawcat, before: before)
    }

    @Test("Given a CSV with an unbalanced quote, when imported, then the error names the line")
    func unbalancedQuote() throws {
        let (lawcat, before) = try Self.stocked()
        let file = try lawcat.file("quote.csv", Self.header + "Good,,,,,,,N1,London\n\"Bad title,,,,,,,N2,London\n")
        try Self.expectRefused(
            lawcat.run("import", file), status: 1, saying: ["line 3", "quoted field is never closed"],
            lawcat: lawcat, before: before)
        // The quote left open on line 3 is only noticed at line 4's quotes: still line 3.
        let later = try lawcat.file(
            "quote2.csv", Self.header + "Good,,,,,,,N1,London\n\"Bad title,,,,,,,N2,London\nNext,,,,,,,\"N3\",London\n")
        try Self.expectRefused(
            lawcat.run("import", later), status: 1, saying: ["line 3", "unbalanced quote"], lawcat: lawcat, before: before)
    }

    @Test("Given a CSV with invalid dates, when imported, then every bad row is named with the date", arguments: ["2019-02-30", "19999"])
    func invalidDateImport(date: String) throws {
        let (lawcat, before) = try Self.stocked()
        let file = try lawcat.file("dates.csv", Self.header + "Good,,,2019,,,,N1,London\nBad,,,\(date),,,,N2,London\n")
        try Self.expectRefused(
            lawcat.run("import", file), status: 1, saying: ["nothing imported", "line 3", "invalid date '\(date)'"],
            lawcat: lawcat, before: before)
    }

    @Test("Given an invalid date, when a book is added or edited, then it is a usage error", arguments: ["2019-02-30", "19999"])
    func invalidDateAddEdit(date: String) throws {
        let (lawcat, before) = try Self.stocked()
        try Self.expectRefused(
            lawcat.run("add", "--title", "New", "--date", date, "--copy", "N1", "--at", "London"), status: 64,
            saying: ["invalid date '\(date)'", "YYYY-MM-DD"], lawcat: lawcat, before: before)
        try Self.expectRefused(
            lawcat.run("edit", "L1", "--date", date), status: 64, saying: ["invalid date '\(date)'"], lawcat: lawcat,
            before: before)
    }

    @Test("Given a barcode that belongs to another book, when imported or added, then it is refused naming that book")
    func duplicateBarcode() throws {
        let (lawcat, before) = try Self.stocked()
        let file = try lawcat.file("dup.csv", Self.header + "Palmer's Company Law,,,,,,,N1,London\nSnell's Equity,,,,,,,L1,London\n")
        try Self.expectRefused(
            lawcat.run("import", file), status: 1,
            saying: [
                "nothing imported", "line 3", "barcode L1 already belongs to 'Chitty on Contracts'",
                // The row may be that copy with its book corrected since: say how to change the book.
                "change them with `lawcat edit L1`",
            ],
            lawcat: lawcat, before: before)
        try Self.expectRefused(
            lawcat.run("add", "--title", "Snell's Equity", "--copy", "T1", "--at", "London"), status: 1,
            saying: ["barcode T1 already belongs to 'Lewin on Trusts'"], lawcat: lawcat, before: before)
    }

    @Test("Given bytes that are not UTF-8, when imported, then the error names the line and asks for UTF-8")
    func notUTF8() throws {
        let (lawcat, before) = try Self.stocked()
        let url = lawcat.folder.appendingPathComponent("latin1.csv")
        try (Data((Self.header + "Good,,,,,,,N1,London\nCaf").utf8) + [0xE9] + Data(" law,,,,,,,N2,London\n".utf8)).write(to: url)
        try Self.expectRefused(
            lawcat.run("import", url.path), status: 1, saying: ["line 3", "not UTF-8"], lawcat: lawcat, before: before)
    }

    @Test("Given an empty file, when imported, then the error asks for a header row")
    func emptyFile() throws {
        let (lawcat, before) = try Self.stocked()
        let file = try lawcat.file("empty.csv", "")
        try Self.expectRefused(
            lawcat.run("import", file), status: 1, saying: ["the file is empty", "header row"], lawcat: lawcat, before: before)
    }

    @Test("Given an unknown column, when imported, then the error lists the known ones")
    func unknownColumn() throws {
        let (lawcat, before) = try Self.stocked()
        let file = try lawcat.file("colour.csv", "title,colour\nRed Book,red\n")
        try Self.expectRefused(
            lawcat.run("import", file), status: 1,
            saying: ["unknown column 'colour'", "title, authors, subjects, date, edition, jurisdiction, isbn, barcode, location"],
            lawcat: lawcat, before: before)
    }

    @Test("Given an unknown barcode, when shown, then it is not found")
    func showUnknown() throws {
        let (lawcat, before) = try Self.stocked()
        try Self.expectRefused(
            lawcat.run("show", "NOPE42"), status: 1, saying: ["no book or copy matches 'NOPE42'"], lawcat: lawcat,
            before: before)
        try Self.expectRefused(
            lawcat.run("show", "NOPE42", "--json"), status: 1, saying: ["NOPE42"], lawcat: lawcat, before: before)
    }

    @Test("Given --db naming a file that is not SQLite, when any command runs, then it says so and both files are untouched")
    func dbNotSQLite() throws {
        let (lawcat, before) = try Self.stocked()
        let notes = try lawcat.file("notes.txt", "minutes of the library committee\n")
        for arguments in [["show", "L1"], ["add", "--title", "X"], ["import", notes], ["init"], ["export"]] {
            try Self.expectRefused(
                lawcat.run(arguments + ["--db", notes]), status: 74, saying: ["notes.txt is not a lawcat catalogue"],
                lawcat: lawcat, before: before)
        }
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "minutes of the library committee\n")
        #expect(!FileManager.default.fileExists(atPath: notes + "-wal"))
    }

    // Tests run as root and permission bits do not stop root, so the folder
    // that cannot be written is one that cannot exist: a path under a regular
    // file (no one can make a folder inside a file), and one under /proc.
    @Test("Given --db in a folder that cannot be written, when a command writes, then it says it cannot write there")
    func dbUnwritableFolder() throws {
        let (lawcat, before) = try Self.stocked()
        let file = try lawcat.file("file.txt", "x")
        for path in [file + "/catalogue.sqlite", file + "/deeper/catalogue.sqlite", "/proc/lawcat-test/catalogue.sqlite"] {
            try Self.expectRefused(
                lawcat.run("add", "--title", "X", "--db", path), status: 74, saying: ["cannot write to"],
                lawcat: lawcat, before: before)
            try Self.expectRefused(
                lawcat.run("init", "--db", path), status: 74, saying: ["cannot write to"], lawcat: lawcat, before: before)
        }
    }

    @Test("Given a mistake on the command line, when lawcat runs, then it is a one-line usage error, exit 64")
    func usage() throws {
        let (lawcat, before) = try Self.stocked()
        try Self.expectRefused(lawcat.run("add"), status: 64, saying: ["--title"], lawcat: lawcat, before: before)
        try Self.expectRefused(
            lawcat.run("add", "--title", "X", "--copy", "N1"), status: 64, saying: ["--at"], lawcat: lawcat, before: before)
        try Self.expectRefused(lawcat.run("frobnicate"), status: 64, saying: ["lawcat help"], lawcat: lawcat, before: before)
        try Self.expectRefused(
            lawcat.run("export", "--format", "xml"), status: 64, saying: ["xml"], lawcat: lawcat, before: before)
        try Self.expectRefused(lawcat.run("edit", "L1"), status: 64, saying: ["nothing to change"], lawcat: lawcat, before: before)
        try Self.expectRefused(
            lawcat.run("add", "--title", "X", "--copy", "has space", "--at", "London"), status: 64,
            saying: ["invalid barcode 'has space'"], lawcat: lawcat, before: before)
    }

    @Test("Given a missing CSV file, when imported, then it says there is no file there, and creates no catalogue")
    func missingFile() throws {
        let (lawcat, before) = try Self.stocked()
        try Self.expectRefused(
            lawcat.run("import", "nowhere.csv"), status: 1, saying: ["no file at nowhere.csv"], lawcat: lawcat, before: before)
        let fresh = lawcat.folder.appendingPathComponent("fresh.sqlite").path
        let outcome = try lawcat.run("import", "nowhere.csv", "--db", fresh)
        #expect(outcome.status == 1)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }
}
