// `lawcat history`: every event of a copy, oldest first.
import ArgumentParser
import Catalogue

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Every event of a copy, oldest first.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The copy's barcode, or the id or ISBN of a book with one copy.")
    var key: String

    func run() throws {
        let (found, events) = try catalogue.open(create: false).history(key)
        try output.print(events) { Terminal.out(CirculationRendering.history(found, events)) }
    }
}
