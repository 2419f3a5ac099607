// `lawcat init`: an empty catalogue, or a look at an existing one.
import ArgumentParser
import Catalogue

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty catalogue (harmless if it exists).")

    @OptionGroup var catalogue: CatalogueOptions

    func run() throws {
        let db = try catalogue.open(create: true)
        let counts = try db.counts()
        Terminal.line("catalogue ready at \(db.path) (\(counts.books) books, \(counts.copies) copies)")
    }
}
