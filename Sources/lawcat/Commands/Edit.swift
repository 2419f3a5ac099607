// `lawcat edit`: change a book's fields, or add copies to it.
import ArgumentParser
import Catalogue

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a book's fields, or add copies to it; prints its id.",
        discussion: """
            Options replace what they name: --author replaces all the authors. An empty
            value clears a field: --edition "". --copy BARCODE --at LOCATION adds a copy.
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "A book id, or the barcode of one of its copies.")
    var key: String
    @OptionGroup var book: BookOptions

    func run() throws {
        let id = try catalogue.open(create: false).editBook(key, changes: book.changes, addingCopies: book.copies)
        Terminal.line(String(id))
    }
}
