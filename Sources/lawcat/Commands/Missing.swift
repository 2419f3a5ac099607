// `lawcat missing`: report a copy missing.
import ArgumentParser
import Catalogue

struct Missing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing",
        abstract: "Report a copy missing. Where it was last seen is kept.")

    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var copy: BarcodeArgument
    @OptionGroup var note: NoteOption

    func run() throws {
        let result = try catalogue.open(create: false).reportMissing(barcode: copy.barcode, note: note.note)
        Terminal.line(CirculationRendering.done("reported missing", result))
    }
}
