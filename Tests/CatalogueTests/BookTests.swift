import Catalogue
import Foundation
import Testing

@Suite("Books and copies")
struct BookTests {
    static let chitty = BookFields(
        title: "Chitty on Contracts", authors: ["Beale, Hugh", "Chitty, Joseph"], subjects: ["Contracts", "England"],
        date: "2021", edition: "34th ed.", jurisdiction: "England and Wales", isbn: "9780414087207")

    @Test("Given a book with two copies, when it is added, then it reads back with its fields in order and both copies on the shelf at home")
    func addThenRead() throws {
        let catalogue = try temporaryCatalogue()
        let id = try catalogue.addBook(
            Self.chitty,
            copies: [NewCopy(barcode: "L1", location: "London/Library/Bay 3"), NewCopy(barcode: "L2", location: "Edinburgh/Library")])
        let details = try catalogue.book("L2")
        #expect(details.id == id)
        #expect(details.book.fields == Self.chitty)
        #expect(details.copies.map(\.barcode) == ["L1", "L2"])
        #expect(details.copies.map(\.status) == [.onShelf, .onShelf])
        #expect(details.copies.map(\.location) == ["London/Library/Bay 3", "Edinburgh/Library"])
        #expect(details.copies.map(\.home) == ["London/Library/Bay 3", "Edinburgh/Library"])
        #expect(try catalogue.book(String(id)).id == id)
        #expect(try catalogue.book("978-0414087207").id == id, "an ISBN with hyphens finds the book")
    }

    @Test("Given untidy input, when a book is added, then spaces are trimmed, blanks dropped and the location path made canonical")
    func addNormalises() throws {
        let catalogue = try temporaryCatalogue()
        let fields = BookFields(
            title: "  Palmer's Company Law ", authors: [" Morse, Geoffrey ", "  "], subjects: [], date: " 2020 ",
            edition: " ", jurisdiction: "United Kingdom", isbn: "")
        try catalogue.addBook(fields, copies: [NewCopy(barcode: " P1 ", location: " London / 4F /Company ")])
        let details = try catalogue.book("P1")
        #expect(details.book.fields == BookFields(
            title: "Palmer's Company Law", authors: ["Morse, Geoffrey"], date: "2020", jurisdiction: "United Kingdom"))
        #expect(details.copies.first?.home == "London/4F/Company")
    }

    @Test(
        "Given an impossible or malformed date, when a book is added, then it is refused as an invalid date and nothing is stored",
        arguments: ["2019-02-30", "2019-04-31", "2019-02-29", "19999", "2019-13", "2019/03/01", "March 2019"])
    func addRefusesBadDate(date: String) throws {
        let catalogue = try temporaryCatalogue()
        var fields = Self.chitty
        fields.date = date
        #expect {
            try catalogue.addBook(fields, copies: [NewCopy(barcode: "L1", location: "London")])
        } throws: { error in
            guard case .invalidField(let field, let value, _)? = error as? CatalogueError else { return false }
            return field == "date" && value == date
        }
        #expect(try countsOf(catalogue) == [0, 0])
    }

    @Test("Given real partial and leap-day dates, when books are added, then each is stored as given",
          arguments: ["2019", "2019-02", "2020-02-29", "2000-02-29", "2019-12-31"])
    func addAcceptsGoodDate(date: String) throws {
        let catalogue = try temporaryCatalogue()
        var fields = Self.chitty
        fields.date = date
        let id = try catalogue.addBook(fields)
        #expect(try catalogue.book(String(id)).book.fields.date == date)
    }

    @Test("Given a barcode that is taken, when another book is added with it, then it is refused naming the owner and nothing is stored")
    func addRefusesTakenBarcode() throws {
        let catalogue = try temporaryCatalogue()
        try catalogue.addBook(Self.chitty, copies: [NewCopy(barcode: "L1", location: "London")])
        #expect(throws: CatalogueError.barcodeTaken(barcode: "L1", title: "Chitty on Contracts")) {
            try catalogue.addBook(
                BookFields(title: "Lewin on Trusts"),
                copies: [NewCopy(barcode: "L9", location: "London"), NewCopy(barcode: "L1", location: "London")])
        }
        #expect(try countsOf(catalogue) == [1, 1], "the whole add is one transaction")
    }

    @Test("Given a barcode with a space, when it is added, then it is refused as an invalid barcode")
    func addRefusesBadBarcode() throws {
        let catalogue = try temporaryCatalogue()
        #expect {
            try catalogue.addBook(Self.chitty, copies: [NewCopy(barcode: "L 1", location: "London")])
        } throws: { error in
            guard case .invalidField(let field, _, _)? = error as? CatalogueError else { return false }
            return field == "barcode"
        }
        #expect(try countsOf(catalogue) == [0, 0])
    }

    @Test("Given a book, when it is edited, then named fields change, an empty value clears one, and the rest stay")
    func edit() throws {
        let catalogue = try temporaryCatalogue()
        let id = try catalogue.addBook(Self.chitty, copies: [NewCopy(barcode: "L1", location: "London")])
        var changes = BookChanges()
        changes.authors = ["McKendrick, Ewan"]
        changes.edition = ""
        changes.isbn = ""
        try catalogue.editBook("L1", changes: changes, addingCopies: [NewCopy(barcode: "L2", location: "Manchester")])
        let details = try catalogue.book(String(id))
        var expected = Self.chitty
        expected.authors = ["McKendrick, Ewan"]
        expected.edition = nil
        expected.isbn = nil
        #expect(details.book.fields == expected)
        #expect(details.copies.map(\.barcode) == ["L1", "L2"])
    }

    @Test("Given a book, when an edit names nothing or an impossible date, then it is refused and the book is unchanged")
    func editRefusals() throws {
        let catalogue = try temporaryCatalogue()
        let id = try catalogue.addBook(Self.chitty)
        #expect(throws: CatalogueError.nothingToChange) { try catalogue.editBook(String(id), changes: BookChanges()) }
        var impossibleDate = BookChanges()
        impossibleDate.date = "2021-02-30"
        var blankTitle = BookChanges()
        blankTitle.title = " "
        var title = BookChanges()
        title.title = "X"
        #expect(throws: CatalogueError.self) { try catalogue.editBook(String(id), changes: impossibleDate) }
        #expect(throws: CatalogueError.self) { try catalogue.editBook(String(id), changes: blankTitle) }
        #expect(throws: CatalogueError.bookNotFound("999")) { try catalogue.editBook("999", changes: title) }
        #expect(try catalogue.book(String(id)).book.fields == Self.chitty)
    }

    @Test("Given a book with a copy, when the book is deleted, then it is refused; once it has no copies ever, it can be deleted")
    func delete() throws {
        let catalogue = try temporaryCatalogue()
        let withCopy = try catalogue.addBook(Self.chitty, copies: [NewCopy(barcode: "L1", location: "London")])
        #expect(throws: CatalogueError.bookHasCopies(id: withCopy, copies: 1)) { try catalogue.deleteBook(id: withCopy) }
        try catalogue.withdraw(barcode: "L1")
        #expect(throws: CatalogueError.bookHasCopies(id: withCopy, copies: 1), "a withdrawn copy keeps its history") {
            try catalogue.deleteBook(id: withCopy)
        }
        let bare = try catalogue.addBook(BookFields(title: "Gloag and Henderson"))
        try catalogue.deleteBook(id: bare)
        #expect(throws: CatalogueError.bookNotFound(String(bare))) { try catalogue.book(String(bare)) }
        #expect(throws: CatalogueError.bookNotFound("12345")) { try catalogue.deleteBook(id: 12345) }
    }

    @Test("Given a copy, when it is withdrawn, then it stays with status withdrawn, and withdrawing again is refused")
    func withdraw() throws {
        let catalogue = try temporaryCatalogue()
        try catalogue.addBook(Self.chitty, copies: [NewCopy(barcode: "L1", location: "London")])
        try catalogue.withdraw(barcode: "L1", note: "superseded")
        #expect(try catalogue.book("L1").copies.map(\.status) == [.withdrawn])
        #expect {
            try catalogue.withdraw(barcode: "L1")
        } throws: { error in
            guard case .refused(let barcode, _)? = error as? CatalogueError else { return false }
            return barcode == "L1"
        }
        #expect(throws: CatalogueError.copyNotFound(barcode: "NOPE")) { try catalogue.withdraw(barcode: "NOPE") }
    }
}
