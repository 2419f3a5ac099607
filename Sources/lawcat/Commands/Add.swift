// `lawcat add`: a new book and its copies.
import ArgumentParser
import Catalogue

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a book and its copies; prints the new book's id.",
        discussion: """
            Example: lawcat add --title "Chitty on Contracts" --author "Beale, Hugh" --edition "34th ed." \\
                       --date 2021 --jurisdiction "England and Wales" --copy L100001 --at "London/Library/Bay 3"
            """)

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var book: BookOptions

    func validate() throws {
        guard let title = book.title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("a book needs --title")
        }
    }

    func run() throws {
        let id = try catalogue.open(create: true).addBook(book.fields, copies: book.copies)
        Terminal.line(String(id))
    }
}
