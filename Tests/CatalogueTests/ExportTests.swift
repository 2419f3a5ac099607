import Catalogue
import Foundation
import TestSupport
import Testing

@Suite("Export")
struct ExportTests {
    /// A catalogue with the awkward cases: commas, quotes, a newline and
    /// non-ASCII text in fields, several copies, a book without copies, and a
    /// withdrawn copy.
    static func awkwardCatalogue() throws -> CatalogueDatabase {
        let catalogue = try temporaryCatalogue()
        try catalogue.addBook(
            BookFields(
                title: "Chitty on Contracts, \"general principles\"", authors: ["Beale, Hugh", "Chitty, Joseph, -1838"],
                subjects: ["Contracts -- England", "Obligations"], date: "2021", edition: "34th ed.",
                jurisdiction: "England and Wales", isbn: "9780414087207"),
            copies: [NewCopy(barcode: "L1", location: "London/Library/Bay 3"), NewCopy(barcode: "L2", location: "Manchester/2F")])
        try catalogue.addBook(
            BookFields(title: "Das Bürgerliche Gesetzbuch\nKommentar", authors: ["Müller, Jürgen"], date: "2019-03-31",
                       jurisdiction: "Germany"),
            copies: [NewCopy(barcode: "G1", location: "Edinburgh/Library")])
        try catalogue.addBook(BookFields(title: "Gloag and Henderson", edition: "15th ed.", jurisdiction: "Scotland"))
        try catalogue.addBook(BookFields(title: "Superseded"), copies: [NewCopy(barcode: "W1", location: "Store")])
        try catalogue.withdraw(barcode: "W1")
        return catalogue
    }

    @Test("Given an awkward catalogue, when exported, imported into an empty one and exported again, then the two files are the same bytes")
    func roundTripBytes() throws {
        let first = try exportCSV(Self.awkwardCatalogue())
        let empty = try temporaryCatalogue()
        _ = try importText(first, into: empty)
        let second = try exportCSV(empty)
        #expect(second == first)
        let rows = parseCSV(first)
        #expect(rows.first == CSVFormat.columns)
        #expect(rows.count == 6, "a header, three copies, and a bare row for each of the two books with no copy on the shelves")
        #expect(!rows.contains { $0.contains("W1") }, "withdrawn copies are not exported")
    }

    @Test("Given a catalogue, when exported as JSON twice, then it is the same text, an array of books with every key")
    func json() throws {
        let catalogue = try Self.awkwardCatalogue()
        var first = "", second = ""
        try catalogue.export(format: .json) { first += $0 }
        try catalogue.export(format: .json) { second += $0 }
        #expect(first == second, "key order is stable")
        let books = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [[String: Any]])
        #expect(books.count == 4)
        let keys: Set<String> = ["id", "title", "authors", "subjects", "date", "edition", "jurisdiction", "isbn", "copies"]
        for book in books { #expect(Set(book.keys) == keys) }
        let gloag = try #require(books.first { $0["title"] as? String == "Gloag and Henderson" })
        #expect(gloag["isbn"] is NSNull)
        #expect((gloag["authors"] as? [Any])?.isEmpty == true)
        #expect((gloag["copies"] as? [Any])?.isEmpty == true)
        let chitty = try #require(books.first)
        let copy = try #require((chitty["copies"] as? [[String: Any]])?.first)
        #expect(copy["barcode"] as? String == "L1")
        #expect(copy["status"] as? String == "on-shelf")
        #expect(copy["location"] as? String == "London/Library/Bay 3")
    }

    @Test("Given an empty catalogue, when exported, then CSV is just the header and JSON an empty array")
    func empty() throws {
        let catalogue = try temporaryCatalogue()
        #expect(try exportCSV(catalogue) == CSVFormat.columns.joined(separator: ",") + "\n")
        var json = ""
        try catalogue.export(format: .json) { json += $0 }
        #expect(json == "[]\n")
    }

    @Test("Given a book with a title longer than MARC 21 can hold, when exported as MARC, then it is refused by name with exit 1 (not as a bug), and MARCXML takes it")
    func tooLongForMARC() throws {
        let catalogue = try temporaryCatalogue()
        let id = try catalogue.addBook(BookFields(title: String(repeating: "Contracts ", count: 1_100)))
        #expect(throws: CatalogueError.self) { try catalogue.export(format: .marc) { _ in } }
        do {
            try catalogue.export(format: .marc) { _ in }
        } catch let error as CatalogueError {
            #expect(error.exitCode == 1)
            #expect(error.message.hasPrefix("book \(id) cannot be written as MARC 21: its field 245 is"))
        }
        var xml = ""
        try catalogue.export(format: .marcxml) { xml += $0 }
        #expect(xml.contains("Contracts Contracts"))
    }

    // Skipped, not passed, on a machine without the shared records.
    @Test(
        "Given the 8,595 Library of Congress law records, when imported into an empty catalogue, then all are taken and export gives them back field for field",
        .enabled(if: sharedDataFile("lc-law-dev.csv") != nil, "needs ../shared/data/lc-law-dev.csv beside the repository"))
    func realRecords() throws {
        let path = try #require(sharedDataFile("lc-law-dev.csv"))
        let catalogue = try temporaryCatalogue()
        let report = try catalogue.importCSV(path: path)
        #expect(report.rowsRead == 8595)
        #expect(report.copiesAdded == 8595)
        #expect(report.rowsSkipped == 0)
        #expect(try countsOf(catalogue)[1] == 8595)

        let original = parseCSV(try String(contentsOfFile: path, encoding: .utf8))
        let exported = parseCSV(try exportCSV(catalogue))
        #expect(original.count == 8596)
        #expect(exported.first == original.first)
        #expect(rowCounts(exported.dropFirst()) == rowCounts(original.dropFirst()))

        let again = try catalogue.importCSV(path: path)
        #expect(again.copiesAdded == 0)
        #expect(again.booksAdded == 0)
        #expect(again.rowsSkipped == 8595)
    }
}
