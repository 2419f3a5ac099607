// What every command that changes one copy asks for: the catalogue, the
// copy's barcode (checkout and checkin also take -, see their help) and a
// note for the event log. One declaration, so that the
// commands describe them alike.
import ArgumentParser
import Catalogue

/// `--db`, the copy's barcode (the first argument) and `--note`.
struct CopyOptions: ParsableArguments {
    @OptionGroup var catalogue: CatalogueOptions
    @Argument(help: "The copy's barcode.")
    var barcode: String
    @Option(help: "A note for the event log.")
    var note: String?

    func open() throws -> CatalogueDatabase { try catalogue.open(create: false) }
}
