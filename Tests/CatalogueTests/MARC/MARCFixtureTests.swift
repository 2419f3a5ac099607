@testable import Catalogue
import Foundation
import Testing

/// Small MARC files made by scripts/marc-fixtures.py: three records each,
/// and broken copies with one fault in one record.
@Suite("MARC: records good and broken")
struct MARCFixtureTests {
    static func fixture(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/CatalogueTests/MARC/Fixtures/\(name)").path
    }

    /// Where the second record of a fixture starts: after the first, whose leader gives its length.
    static var secondRecordOffset: Int {
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: fixture("good.mrc")))) ?? Data()
        return Int(String(decoding: bytes.prefix(5), as: UTF8.self)) ?? -1
    }

    @Test("Given good.mrc and a locations file, when imported, then each record is its book with its copies at the translated homes")
    func goodRecords() throws {
        let catalogue = try temporaryCatalogue()
        let locations = try temporaryFile("code,path\nLON,London\nREF,Library/Reference\n", name: "locations.csv")
        let report = try catalogue.importBooks(path: Self.fixture("good.mrc"), locations: locations)
        #expect(report.rowsRead == 3)
        #expect(report.booksAdded == 3)
        #expect(report.copiesAdded == 3)
        #expect(report.warnings == nil)

        let chitty = try catalogue.book("F0001")
        #expect(chitty.book.fields == BookFields(
            title: "Chitty on contracts", authors: ["Chitty, Joseph, 1776-1841"], subjects: ["Contracts -- Great Britain"],
            date: "1999", edition: "28th ed.", jurisdiction: "England and Wales", isbn: "0421587300"))
        #expect(chitty.copies.map(\.home) == ["London/Library/Reference", "Manchester"])
        let code = try catalogue.book("F0003")
        #expect(code.book.fields.title == "Code civil français : édition annotée")
        #expect(code.book.fields.jurisdiction == "France")
        #expect(code.copies.map(\.home) == ["Paris/Bibliotheque"])
        let bgb = try catalogue.search("Gesetzbuch").books
        #expect(bgb.map(\.book.fields.title) == ["Bürgerliches Gesetzbuch"])
        #expect(bgb.first?.book.fields.jurisdiction == "Germany")
        #expect(bgb.first?.copies.isEmpty == true)
    }

    @Test("Given a file with one broken record, when imported, then nothing is imported and the record is named by number, byte offset and fault", arguments: [
        ("broken-length.mrc", 2, "the leader gives a record length of"),
        ("broken-length-digits.mrc", 2, "is not five digits"),
        ("broken-base.mrc", 2, "the base address of data"),
        ("broken-directory.mrc", 2, "the directory entry of field 245 (47 bytes from byte 90000 of the data) runs past the end"),
        ("broken-terminator.mrc", 2, "field 245 has no field terminator"),
        ("broken-indicator.mrc", 2, "field 245 has an invalid indicator 2 'A'"),
        ("broken-truncated.mrc", 3, "the file ends"),
    ])
    func brokenRecordRefused(file: String, record: Int, fault: String) throws {
        let catalogue = try temporaryCatalogue()
        var problems: [ImportProblem] = []
        do {
            _ = try catalogue.importBooks(path: Self.fixture(file))
            Issue.record("the import of \(file) did not fail")
        } catch CatalogueError.invalidImport(let found, let total) {
            problems = found
            #expect(total == 1)
            #expect(CatalogueError.invalidImport(problems: found, total: total).message.contains("--skip-bad"))
        }
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.place?.record == record)
        if record == 2 { #expect(problem.place?.offset == Self.secondRecordOffset) }
        #expect(problem.reason.contains(fault), "\(problem.reason)")
        #expect(problem.description.hasPrefix("record \(record) at byte \(problem.place?.offset ?? -1): "))
        #expect(try catalogue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM book") } == 0)
    }

    @Test("Given a file with one broken record, when imported with skipBad, then the good ones are imported and the bad one is reported", arguments: [
        "broken-length.mrc", "broken-length-digits.mrc", "broken-base.mrc", "broken-directory.mrc",
        "broken-terminator.mrc", "broken-indicator.mrc",
    ])
    func skipBad(file: String) throws {
        let catalogue = try temporaryCatalogue()
        let report = try catalogue.importBooks(path: Self.fixture(file), skipBad: true)
        #expect(report.rowsRead == 3)
        #expect(report.booksAdded == 2)
        #expect(report.rowsRefused == 1)
        #expect(report.refused?.map(\.place?.record) == [2])
        #expect(try catalogue.book("F0001").book.fields.title == "Chitty on contracts")
        #expect(try catalogue.search("Gesetzbuch").books.count == 1)
    }

    @Test("Given a MARC-8 record with a byte no code table has, when imported, then it is stored as U+FFFD and reported with the record and the byte's offset")
    func undecodableByte() throws {
        let catalogue = try temporaryCatalogue()
        let report = try catalogue.importBooks(path: Self.fixture("undecodable.mrc"))
        #expect(report.booksAdded == 3)
        let warning = try #require(report.warnings?.first)
        #expect(report.warningsTotal == 1)
        #expect(warning.place?.record == 2)
        #expect(warning.place?.offset == Self.secondRecordOffset)
        #expect(warning.reason.contains("field 245: the byte 0xAF at byte"))
        let book = try #require(catalogue.search("nations").books.first)
        #expect(book.book.fields.title == "Law \u{FFFD} of nations")
    }

    @Test("Given a MARC file, when imported with a dry run, then the report is as for the real import and nothing is stored")
    func dryRun() throws {
        let catalogue = try temporaryCatalogue()
        let report = try catalogue.importBooks(path: Self.fixture("good.mrc"), dryRun: true)
        #expect(report.dryRun)
        #expect(report.booksAdded == 3)
        #expect(report.copiesAdded == 3)
        #expect(try catalogue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM book") } == 0)
    }

    @Test("Given files of each kind, when their format is judged by content, then MARC, MARCXML and CSV are told apart")
    func sniffing() throws {
        #expect(ImportFormat.sniff(path: Self.fixture("good.mrc")) == .marc)
        #expect(ImportFormat.sniff(path: try temporaryFile("<?xml version=\"1.0\"?>\n<collection/>", name: "a.xml")) == .marcxml)
        #expect(ImportFormat.sniff(path: try temporaryFile("title,isbn\nA,1\n")) == .csv)
    }
}
