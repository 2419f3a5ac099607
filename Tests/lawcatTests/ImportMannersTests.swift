import Foundation
import Testing

/// An import's manners: a dry run needs no catalogue and makes none, and
/// several bad rows are said one line each, with a last line that sums up.
@Suite("Import manners: dry runs without a catalogue, bad rows one line each")
struct ImportMannersTests {
    static let header = "title,date,barcode,location\n"

    @Test("Given no catalogue, when a file is imported with --dry-run, then it is checked against an empty one and no catalogue is made")
    func dryRunWithoutCatalogue() throws {
        let lawcat = try Lawcat()
        let file = try lawcat.file("books.csv", Self.header + "Chitty on Contracts,2021,C1,London/Library\nLewin on Trusts,,T1,London/4F\n")
        let outcome = try lawcat.run("import", "--dry-run", file)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "dry run: read 2 rows; would add 2 books, 2 copies, 2 locations, 0 people; skipped 0 rows already present\n")
        #expect(outcome.stderr == "note: no catalogue at \(lawcat.catalogue) yet; checking against an empty one\n")
        #expect(!FileManager.default.fileExists(atPath: lawcat.catalogue), "a dry run made a catalogue")

        let bad = try lawcat.file("bad.csv", Self.header + "Chitty on Contracts,2021-02-30,C1,London\n")
        let refused = try lawcat.run("import", "--dry-run", bad)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: nothing imported: 1 bad row: line 2: invalid date '2021-02-30'"))
        #expect(!FileManager.default.fileExists(atPath: lawcat.catalogue))
    }

    @Test("Given three bad rows, one with a line break in a quoted title, when imported, then each is one line of stderr and the last line sums up")
    func severalBadRows() throws {
        let (lawcat, before) = try BadInputTests.stocked()
        let file = try lawcat.file(
            "bad.csv",
            Self.header + "Good,2019,N1,London\nBad date,2019-02-30,N2,London\n,2019,N3,London\n\"Two\nlines\",1,N4,London\n")
        let outcome = try lawcat.run("import", file)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 4, "\(outcome.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("error: ") })
        #expect(lines.first?.hasPrefix("error: line 3: invalid date '2019-02-30'") == true)
        #expect(lines.dropFirst().first?.hasPrefix("error: line 4: invalid title ''") == true)
        #expect(lines.dropFirst(2).first?.hasPrefix("error: line 5: invalid date '1'") == true)
        #expect(lines.last == "error: nothing imported: 3 bad rows (each named above); fix them and import again")
        #expect(try lawcat.run("export").stdout == before, "the catalogue changed")
    }

    @Test("Given 25 bad rows, when imported, then the first 20 are one line each and the last line says how many there were")
    func manyBadRows() throws {
        let lawcat = try Lawcat()
        let rows = (1...25).map { "Book \($0),2019-02-30,B\($0),London\n" }.joined()
        let outcome = try lawcat.run("import", try lawcat.file("bad.csv", Self.header + rows))
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 21, "\(outcome.stderr)")
        #expect(lines.last == "error: nothing imported: 25 bad rows (the first 20 named above); fix them and import again")
    }
}
