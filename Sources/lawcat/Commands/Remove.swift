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
    @Argument(help: "A copy's barcode, or a book id (or ISBN).")
    var key: String
    @Option(help: "Why the copy is withdrawn.")
    var note: String?

    func run() throws {
        switch try catalogue.open(create: false).remove(key, note: note) {
        case .withdrewCopy(let barcode, let title):
            Terminal.line("withdrew copy \(barcode) of '\(title)'")
        case .deletedBook(let id, let title):
            Terminal.line("deleted book \(id): '\(title)'")
        }
    }
}
