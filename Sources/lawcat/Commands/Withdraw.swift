// `lawcat withdraw`: a copy leaves the shelves for good; its history stays.
import ArgumentParser
import Catalogue

struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a copy for good; its history stays (the same as `remove BARCODE`).")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var copy: BarcodeArgument
    @Option(help: "Why the copy is withdrawn.")
    var note: String?

    func run() throws {
        try catalogue.open(create: false).withdraw(barcode: copy.barcode, note: note)
        Terminal.line("\(copy.barcode.trimmingCharacters(in: .whitespaces)): withdrawn")
    }
}
