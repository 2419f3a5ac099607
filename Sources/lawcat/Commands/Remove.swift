// `lawcat remove`: withdraw a copy, or delete a book that never had one.
import ArgumentParser
import Catalogue

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Withdraw a copy (its history stays), or delete a book that has no copies.",
        discussion: """
            Given a barcode, the copy is withdrawn: it leaves the shelves and keeps its
            history. Given a book id, the book is deleted only if it never had a copy.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "A copy's barcode, or a book id.")
    var key: String
    @Option(help: "Why the copy is withdrawn.")
    var note: String?

    func run() throws {
        let db = try catalogue.open(create: false)
        let details = try db.book(key)
        if let copy = details.copies.first(where: { $0.barcode == key.trimmingCharacters(in: .whitespaces) }) {
            try db.withdraw(barcode: copy.barcode, note: note)
            Terminal.line("withdrew copy \(copy.barcode) of '\(details.book.fields.title)'")
        } else {
            try db.deleteBook(id: details.id)
            Terminal.line("deleted book \(details.id): '\(details.book.fields.title)'")
        }
    }
}
