import Catalogue
import Foundation
import Testing

/// One answer to "what does this token name?" for show, where, search and history.
@Suite("Barcode, book id or ISBN")
struct BookKeyTests {
    /// Book 1 has the copies "2" and C1 and an ISBN; book 2 has the copy P1.
    func catalogue() throws -> CatalogueDatabase {
        let catalogue = try temporaryCatalogue()
        try catalogue.addBook(
            BookFields(title: "Chitty on Contracts", isbn: "9780414108004"),
            copies: [NewCopy(barcode: "2", location: "London/Bay 1"), NewCopy(barcode: "C1", location: "London/Bay 1")])
        try catalogue.addBook(BookFields(title: "Palmer's Company Law"), copies: [NewCopy(barcode: "P1", location: "London/Bay 2")])
        return catalogue
    }

    @Test("Given a barcode spelt like another book's id, then show, where, search and history all take it as the barcode")
    func barcodeBeforeID() throws {
        let db = try catalogue()
        #expect(try db.book("2").book.fields.title == "Chitty on Contracts")
        #expect(try db.whereabouts("2").copies.first?.barcode == "2")
        #expect(try db.search("2").books.map(\.book.fields.title) == ["Chitty on Contracts"])
        #expect(try db.history("2").copy.barcode == "2")
    }

    @Test("Given a book id, then show, where and search all name that book, and history its only copy")
    func bookID() throws {
        let db = try catalogue()
        #expect(try db.book("1").copies.map(\.barcode) == ["2", "C1"])
        #expect(try db.whereabouts("1").copies.map(\.barcode) == ["2", "C1"])
        let search = try db.search("1")
        #expect(search.jumped && search.books.map(\.id) == [1])
        #expect(try db.history("P1").copy.barcode == "P1")
        #expect(throws: CatalogueError.notOneCopy(bookID: 1, barcodes: ["2", "C1"])) { try db.history("1") }
    }

    @Test("Given an ISBN with or without hyphens, then show, where and search all name its book")
    func isbn() throws {
        let db = try catalogue()
        for key in ["9780414108004", "978-0-414-10800-4", " 978 0414 108004 "] {
            #expect(try db.book(key).id == 1, "show \(key)")
            #expect(try db.whereabouts(key).copies.map(\.barcode) == ["2", "C1"], "where \(key)")
        }
        #expect(try db.search("978-0-414-10800-4").jumped)
    }
}
