// `lawcat found`: a missing copy turned up.
import ArgumentParser
import Catalogue

struct Found: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "found",
        abstract: "Record that a missing copy turned up: at --at, else at its home.")

    @OptionGroup var copy: CopyOptions
    @Option(help: ArgumentHelp("Where it turned up (default: its home). A new location is added.", valueName: "location"))
    var at: String?

    func run() throws {
        let result = try copy.open().found(barcode: copy.barcode, at: at, note: copy.note)
        Terminal.line(CirculationRendering.done("found at \(result.location ?? result.home)", result))
    }
}
