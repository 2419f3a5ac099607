// `lawcat history`: every event of a copy, oldest first.
import ArgumentParser
import Catalogue

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Every event of a copy, oldest first.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var copy: BarcodeArgument

    func run() throws {
        let (found, events) = try catalogue.open(create: false).history(barcode: copy.barcode)
        try output.print(events) { Terminal.out(CirculationRendering.history(found, events)) }
    }
}
