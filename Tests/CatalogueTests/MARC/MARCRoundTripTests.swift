@testable import Catalogue
import Foundation
import Testing

/// MARC 21 and MARCXML out and back in: lawcat's export read into an empty
/// catalogue is the same catalogue, and exports as the same file.
@Suite("MARC: export and round trips")
struct MARCRoundTripTests {
    static func export(_ catalogue: CatalogueDatabase, _ format: ExportFormat) throws -> String {
        var text = ""
        try catalogue.export(format: format) { text += $0 }
        return text
    }

    @Test("Given an awkward catalogue, when exported as MARC 21 or MARCXML, imported into an empty catalogue and exported again, then the files are the same bytes and so is the catalogue", arguments: [ExportFormat.marc, .marcxml])
    func roundTrip(format: ExportFormat) throws {
        let source = try ExportTests.awkwardCatalogue()
        // A date to the month, a subject with subdivisions, a title and a name that end with a full stop.
        try source.addBook(
            BookFields(
                title: "Law and the spirit of inquiry: essays in honour of Sir Louis Blom-Cooper, Q.C.",
                authors: ["Hunt, Murray", "Law Commission.", "Smith & Co."], subjects: ["Evidence (Law) -- England -- Cases", "Etc."],
                date: "2019-03", isbn: "ISBN 1-84113-000-X (hbk.)"),
            copies: [NewCopy(barcode: "Q1", location: "Store")])
        let first = try Self.export(source, format)
        let path = try temporaryFile(first, name: "export." + (format == .marc ? "mrc" : "xml"))
        #expect(ImportFormat.sniff(path: path) == (format == .marc ? .marc : .marcxml))
        let empty = try temporaryCatalogue()
        let report = try empty.importBooks(path: path)
        #expect(report.booksAdded == 5)
        #expect(report.copiesAdded == 4, "withdrawn copies are not exported")
        #expect(try Self.export(empty, format) == first)
        #expect(try exportCSV(empty) == exportCSV(source))
    }

    @Test("Given a catalogue, when exported as MARC 21, then each record is valid ISO 2709 in UTF-8 with one 952 a copy on the shelves")
    func recordShape() throws {
        let source = try ExportTests.awkwardCatalogue()
        let text = try Self.export(source, .marc)
        let path = try temporaryFile(text, name: "export.mrc")
        let reader = try ISO2709Reader(path: path)
        var records: [MARCRecord] = []
        while let next = try reader.next() {
            let raw = try next.get()
            var notes: [String] = []
            records.append(try ISO2709Record.parse(raw, wanted: { _ in true }, notes: &notes).get())
            #expect(notes.isEmpty)
        }
        #expect(records.count == 4)
        #expect(records.allSatisfy { Array($0.leader.utf8)[9] == UInt8(ascii: "a") })
        let chitty = try #require(records.first)
        #expect(chitty.fields("952").map { $0.subfields.map(\.value) } == [["London", "Library/Bay 3", "L1"], ["Manchester", "2F", "L2"]])
        #expect(chitty.first("245")?.value("a") == "Chitty on Contracts, \"general principles\"")
        #expect(chitty.first("100")?.value("a") == "Beale, Hugh")
        #expect(chitty.fields("700").map { $0.value("a") } == ["Chitty, Joseph, -1838"])
        #expect(chitty.first("951")?.value("a") == "England and Wales")
        #expect(records.last?.fields("952").isEmpty == true, "the withdrawn copy is left out")
    }

    @Test("Given XML that is not MARCXML (a feed), or an empty .mrc file, when imported, then it is refused saying so, not imported as nothing")
    func notMARCXML() throws {
        let catalogue = try temporaryCatalogue()
        let feed = try temporaryFile("<?xml version=\"1.0\"?>\n<rss><channel><title>News</title></channel></rss>\n", name: "feed.xml")
        #expect {
            try catalogue.importBooks(path: feed)
        } throws: { error in
            (error as? CatalogueError)?.message.contains("it is XML, but holds no MARCXML <record> (its first element is <rss>)") == true
        }
        let empty = try temporaryFile("", name: "empty.mrc")
        #expect {
            try catalogue.importBooks(path: empty)
        } throws: { error in
            let message = (error as? CatalogueError)?.message ?? ""
            return message.contains("the file is empty") && !message.contains("header row")
        }
        #expect(try countsOf(catalogue) == [0, 0])
    }

    @Test("Given MARCXML whose record breaks the schema's rules, when imported, then the record is named by number and line")
    func badXMLRecord() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <collection xmlns="http://www.loc.gov/MARC21/slim">
            <record><leader>00000nam a2200000   4500</leader>
              <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Good one</subfield></datafield>
            </record>
            <record><leader>00000nam a2200000   4500</leader>
              <datafield tag="245" ind1="X" ind2="0"><subfield code="a">Bad one</subfield></datafield>
            </record>
            </collection>
            """
        let catalogue = try temporaryCatalogue()
        let path = try temporaryFile(xml, name: "bad.xml")
        #expect(throws: CatalogueError.self) { try catalogue.importBooks(path: path) }
        do {
            _ = try catalogue.importBooks(path: path)
        } catch CatalogueError.invalidImport(let problems, _) {
            #expect(problems.map(\.description) == [
                "record 2 at line 6: field 245 has an invalid indicator 1 'X'; indicators are a blank, a digit or a lower-case letter",
            ])
        }
        let report = try catalogue.importBooks(path: path, skipBad: true)
        #expect(report.booksAdded == 1)
        #expect(report.rowsRefused == 1)
    }

    @Test("Given a file that is not well-formed XML, when imported, then it cannot be read and nothing changes")
    func brokenXML() throws {
        let catalogue = try temporaryCatalogue()
        let path = try temporaryFile("<collection><record><leader>x</record>", name: "broken.xml")
        #expect(throws: CatalogueError.self) { try catalogue.importBooks(path: path) }
        #expect(try catalogue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM book") } == 0)
    }
}
