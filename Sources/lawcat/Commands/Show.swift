// `lawcat show`: a book with all its copies and where they are.
import ArgumentParser
import Catalogue

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a book with all its copies and where they are.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A book id, a copy's barcode, or an ISBN.")
    var key: String

    func run() throws {
        let details = try catalogue.open(create: false).book(key)
        try output.print(details) { Terminal.out(BookRendering.details(details)) }
    }
}
