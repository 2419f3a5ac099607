// `lawcat move`: a copy now sits somewhere else (its home stays).
import ArgumentParser
import Catalogue

struct Move: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Record that a copy now sits at a location (its home does not change).",
        discussion: "A copy on loan stays on loan. A missing copy is recorded as found there first.")

    @OptionGroup var copy: CopyOptions
    @Argument(help: "Where it is now, e.g. London/5F/Meeting room 5.12. A new location is added.")
    var location: String

    func run() throws {
        let result = try copy.open().move(barcode: copy.barcode, to: location, note: copy.note)
        Terminal.line(CirculationRendering.done("moved to \(result.location ?? location)", result))
    }
}
