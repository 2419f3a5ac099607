// Text in one Unicode form: a CSV's decomposed accents (NFD, as a Mac often
// saves them) are kept composed (NFC), as MARC's are, and a catalogue that an
// older lawcat kept in NFD still knows its books when the file comes again.
@testable import Catalogue
import Foundation
import GRDB
import Testing

@Suite("Importing text in either Unicode form")
struct ImportNormalFormTests {
    static let composed = "Droit de la concurrence de l\u{E9}tat"
    static let decomposed = "Droit de la concurrence de le\u{301}tat"
    static func csv(_ title: String, barcode: String) -> String {
        "title,authors,barcode,location\n\"\(title)\",\"M\u{FC}ller, Wulf\",\(barcode),London/Library/Bay 1\n"
            .replacingOccurrences(of: "M\u{FC}ller", with: "Mu\u{308}ller")
    }

    @Test("Given a CSV with decomposed accents, when imported, then the book is kept in NFC and found by either form")
    func keptComposed() throws {
        let catalogue = try temporaryCatalogue()
        _ = try importText(Self.csv(Self.decomposed, barcode: "F1"), into: catalogue)
        let title = try catalogue.read { db in try String.fetchOne(db, sql: "SELECT title FROM book") }
        #expect(title.map { Array($0.unicodeScalars) } == Array(Self.composed.unicodeScalars))
        let authors = try catalogue.read { db in try String.fetchOne(db, sql: "SELECT authors FROM book") }
        #expect(authors?.unicodeScalars.contains("\u{FC}") == true)
        #expect(try catalogue.search(Self.decomposed).books.count == 1)
        #expect(try catalogue.search(Self.composed).books.count == 1)
    }

    @Test("Given a catalogue an older lawcat kept in NFD, when the same file, or the book with a new copy, is imported, then nothing is refused and no second book is made")
    func olderCatalogueInNFD() throws {
        let catalogue = try temporaryCatalogue()
        _ = try importText(Self.csv(Self.decomposed, barcode: "F1"), into: catalogue)
        // As an older lawcat stored it: the text as the file had it.
        try catalogue.writer.write { db in
            try db.execute(sql: "UPDATE book SET title = ?, authors = ?", arguments: [Self.decomposed, "[\"Mu\u{308}ller, Wulf\"]"])
        }
        let again = try importText(Self.csv(Self.decomposed, barcode: "F1"), into: catalogue)
        #expect(again.rowsRefused == nil && again.rowsSkipped == 1 && again.booksAdded == 0)
        let composed = try importText(Self.csv(Self.composed, barcode: "F2"), into: catalogue)
        #expect(composed.rowsRefused == nil && composed.booksAdded == 0 && composed.copiesAdded == 1)
        #expect(try countsOf(catalogue) == [1, 2])
        #expect(try catalogue.check().isClean)
    }
}
