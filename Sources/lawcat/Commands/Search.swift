import ArgumentParser
import Catalogue

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find books by title, author, subject or jurisdiction, best first.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The most books to show.")
    var limit = 20
    @Argument(help: "What to look for: any words.")
    var words: [String] = []

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let query = words.joined(separator: " ")
        let books = try catalogue.open(create: false).search(query, limit: limit)
        if output.json {
            try Terminal.json(books)
        } else if books.isEmpty {
            Terminal.line("no books match '\(query)'")
        } else {
            Terminal.out(BookRendering.list(books))
        }
    }
}
