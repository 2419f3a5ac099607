// `lawcat missing`: report a copy missing.
import ArgumentParser
import Catalogue

struct Missing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing",
        abstract: "Report a copy missing. Where it was last seen is kept.")

    @OptionGroup var copy: CopyOptions

    func run() throws {
        let result = try copy.open().reportMissing(barcode: copy.barcode, note: copy.note)
        Terminal.line(CirculationRendering.done("reported missing", result))
    }
}
